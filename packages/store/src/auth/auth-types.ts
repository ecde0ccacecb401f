/** Workspace-level role (DESIGN.md §9). */
export type WorkspaceRole = 'owner' | 'admin' | 'member';
/** A suspended member cannot log in, and their sessions and API keys stop working on the next request. */
export type MemberStatus = 'active' | 'suspended';

/** A member as auth sees it: never carries the password hash. */
export type AuthMember = {
  id: string;
  workspaceId: string;
  name: string;
  email: string | null;
  role: WorkspaceRole;
  status: MemberStatus;
  createdAt: string;
};

/** Who a valid session or API key acts as, re-read from the database on every call (RELIABILITY H7). */
export type AuthContext = {
  member: AuthMember;
  workspace: { id: string; name: string };
  /** The workspace's directory revision when this was read (sessions and API keys): keys the cached viewer. */
  directoryRevision?: number;
};

export type CreateWorkspaceInput = {
  workspaceName: string;
  email: string;
  password: string;
  /** Display name of the owner; the local part of the email by default. */
  name?: string;
  /**
   * The instance's first-owner setup: claims the single `instance_setup` row in the same transaction, so of two
   * concurrent setups exactly one succeeds and the other gets `ALREADY_INITIALIZED` (RELIABILITY C3).
   */
  firstOwner?: boolean;
};

export type CreateWorkspaceResult =
  | { ok: true; workspace: { id: string; name: string }; member: AuthMember }
  | { ok: false; reason: 'ALREADY_INITIALIZED' | 'WEAK_PASSWORD' | 'INVALID_EMAIL' };

export type AddMemberInput = {
  workspaceId: string;
  email: string;
  /** Omit for a member who cannot log in yet. */
  password?: string;
  name?: string;
  role?: WorkspaceRole;
};

export type AddMemberResult =
  | { ok: true; member: AuthMember }
  | { ok: false; reason: 'EMAIL_TAKEN' | 'WEAK_PASSWORD' | 'INVALID_EMAIL' | 'WORKSPACE_NOT_FOUND' };

export type CreatedSession = { token: string; expiresAt: string };

export type CreatedApiKey = {
  id: string;
  name: string;
  /** First 8 characters after `ff_`, safe to show in lists. */
  prefix: string;
  /** `ff_<prefix>_<secret>`: returned once, only its SHA-256 is stored. */
  key: string;
  createdAt: string;
};

export type ApiKeySummary = {
  id: string;
  memberId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

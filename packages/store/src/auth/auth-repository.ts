import type { Database } from 'better-sqlite3';
import { uuidV7 } from '../ids/uuid-v7.js';
import { type AuthStatements, type MemberRow, prepareAuthStatements } from './auth-statements.js';
import type {
  AddMemberInput,
  AddMemberResult,
  ApiKeySummary,
  AuthContext,
  AuthMember,
  CreatedApiKey,
  CreatedSession,
  CreateWorkspaceInput,
  CreateWorkspaceResult,
  MemberStatus,
} from './auth-types.js';
import { isPlausibleEmail, normaliseEmail } from './normalise-email.js';
import { dummyPasswordHash, hashPassword, isAcceptablePassword, verifyPassword } from './password-hash.js';
import { apiKeyPrefix, newApiKey, randomToken, sha256Hex } from './secret-token.js';
import { toAuthMember } from './to-auth-member.js';

/** Default session lifetime: 14 days. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** `last_seen_at` / `last_used_at` are written at most once a minute per session or key. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/**
 * Runs a last-seen / last-used touch. It is bookkeeping: when another connection holds the write lock (a large import
 * being published), skip it rather than make the request wait or fail; the next request touches again.
 */
function touchQuietly(touch: () => unknown): void {
  try {
    touch();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return;
    throw error;
  }
}

/** A session's or API key's caller, with the directory revision read in the same statement. */
function toContext(row: MemberRow & { directory_revision: number }): AuthContext {
  return {
    member: toAuthMember(row),
    workspace: { id: row.workspace_id, name: row.workspace_name },
    directoryRevision: row.directory_revision,
  };
}

function isConstraint(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/**
 * Members' credentials, sessions and API keys on prepared statements. Nothing is cached here: every `getSession` /
 * `authenticateApiKey` re-reads revocation, expiry and the member's status (RELIABILITY H7; the server shares one
 * read among the requests of one event-loop turn, see its `TurnCache`). Secrets are returned
 * once and stored only as SHA-256; passwords as scrypt strings.
 */
export class AuthRepository {
  private readonly s: AuthStatements;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.s = prepareAuthStatements(db);
  }

  /** True once any workspace exists. */
  hasWorkspace(): boolean {
    return (this.s.countWorkspaces.get()?.n ?? 0) > 0;
  }

  /** A workspace and its owner in one transaction; with `firstOwner`, only one such call ever succeeds (C3). */
  async createWorkspaceWithOwner(input: CreateWorkspaceInput): Promise<CreateWorkspaceResult> {
    if (!isPlausibleEmail(input.email)) return { ok: false, reason: 'INVALID_EMAIL' };
    if (!isAcceptablePassword(input.password)) return { ok: false, reason: 'WEAK_PASSWORD' };
    const passwordHash = await hashPassword(input.password);
    const at = this.now().toISOString();
    const workspace = { id: uuidV7(), name: input.workspaceName };
    const memberId = uuidV7();
    const email = input.email.trim();
    const name = input.name ?? email.split('@')[0] ?? email;
    try {
      this.db
        .transaction(() => {
          this.s.insertWorkspace.run(workspace.id, workspace.name, at);
          this.s.insertMember.run(
            memberId,
            workspace.id,
            name,
            email,
            normaliseEmail(email),
            passwordHash,
            'owner',
            at,
          );
          if (input.firstOwner) this.s.claimInstanceSetup.run(workspace.id, memberId, at);
          this.audit(workspace.id, memberId, 'workspace.created', 'workspace', workspace.id, {}, at);
        })
        .immediate();
    } catch (error) {
      if (input.firstOwner && isConstraint(error, 'SQLITE_CONSTRAINT_PRIMARYKEY')) {
        return { ok: false, reason: 'ALREADY_INITIALIZED' };
      }
      throw error;
    }
    const row = this.s.memberById.get(workspace.id, memberId);
    if (!row) throw new Error('owner vanished after commit');
    return { ok: true, workspace, member: toAuthMember(row) };
  }

  /** Adds a member to a workspace; the email is unique per workspace on its normalised form (K4). */
  async addMember(input: AddMemberInput): Promise<AddMemberResult> {
    if (!isPlausibleEmail(input.email)) return { ok: false, reason: 'INVALID_EMAIL' };
    if (input.password !== undefined && !isAcceptablePassword(input.password)) {
      return { ok: false, reason: 'WEAK_PASSWORD' };
    }
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    if (!this.s.workspaceExists.get(input.workspaceId)) return { ok: false, reason: 'WORKSPACE_NOT_FOUND' };
    const at = this.now().toISOString();
    const id = uuidV7();
    const email = input.email.trim();
    try {
      this.s.insertMember.run(
        id,
        input.workspaceId,
        input.name ?? email.split('@')[0] ?? email,
        email,
        normaliseEmail(email),
        passwordHash,
        input.role ?? 'member',
        at,
      );
    } catch (error) {
      if (isConstraint(error, 'SQLITE_CONSTRAINT_UNIQUE')) return { ok: false, reason: 'EMAIL_TAKEN' };
      throw error;
    }
    const row = this.s.memberById.get(input.workspaceId, id);
    if (!row) throw new Error('member vanished after insert');
    return { ok: true, member: toAuthMember(row) };
  }

  findMemberByEmail(workspaceId: string, email: string): AuthMember | undefined {
    const row = this.s.memberByEmailInWorkspace.get(workspaceId, normaliseEmail(email));
    return row && toAuthMember(row);
  }

  /** Members with this email across workspaces (at most 10, oldest first). */
  findMembersByEmail(email: string): AuthMember[] {
    return this.s.membersByEmail.all(normaliseEmail(email)).map(toAuthMember);
  }

  getMember(workspaceId: string, memberId: string): AuthMember | undefined {
    const row = this.s.memberById.get(workspaceId, memberId);
    return row && toAuthMember(row);
  }

  /**
   * The active member whose password matches, or null — the same null for an unknown email, a wrong password, a
   * member without a password and a suspended member, after the same scrypt work. An email present in several
   * workspaces logs into the first (oldest) whose password matches unless `workspaceId` narrows it.
   */
  async verifyLogin(input: { email: string; password: string; workspaceId?: string }): Promise<AuthMember | null> {
    const rows = this.s.membersByEmail
      .all(normaliseEmail(input.email))
      .filter((r) => input.workspaceId === undefined || r.workspace_id === input.workspaceId);
    const withPassword = rows.filter((r) => r.password_hash !== null);
    if (withPassword.length === 0 || !isAcceptablePassword(input.password)) {
      await verifyPassword(input.password.slice(0, 1024), await dummyPasswordHash());
      return null;
    }
    for (const row of withPassword) {
      if ((await verifyPassword(input.password, row.password_hash ?? '')) && row.status === 'active') {
        return toAuthMember(row);
      }
    }
    return null;
  }

  /** A new session for an active member; the raw token is returned once, only its SHA-256 is stored. */
  createSession(workspaceId: string, memberId: string, ttlMs: number = SESSION_TTL_MS): CreatedSession | null {
    const member = this.s.memberById.get(workspaceId, memberId);
    if (!member || member.status !== 'active') return null;
    const token = randomToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    this.s.insertSession.run(sha256Hex(token), memberId, workspaceId, now.toISOString(), expiresAt, now.toISOString());
    return { token, expiresAt };
  }

  /** The member and workspace of a live session; null when unknown, expired, revoked or the member is suspended. */
  getSession(token: string): AuthContext | null {
    const id = sha256Hex(token);
    const now = this.now();
    const row = this.s.sessionContext.get(id, now.toISOString());
    if (!row) return null;
    // Touch at most once per interval, and only write when the row says it is due: a read-only request stays a read.
    const due = new Date(now.getTime() - TOUCH_INTERVAL_MS).toISOString();
    if (row.touched_at < due) touchQuietly(() => this.s.touchSession.run(now.toISOString(), id, due));
    return toContext(row);
  }

  revokeSession(token: string): boolean {
    return this.s.revokeSession.run(this.now().toISOString(), sha256Hex(token)).changes > 0;
  }

  /** A new API key acting as the member; `ff_<prefix>_<secret>` is returned once. */
  createApiKey(input: { workspaceId: string; memberId: string; name: string }): CreatedApiKey | null {
    const member = this.s.memberById.get(input.workspaceId, input.memberId);
    if (!member || member.status !== 'active') return null;
    const { key, prefix } = newApiKey();
    const id = uuidV7();
    const createdAt = this.now().toISOString();
    this.db
      .transaction(() => {
        this.s.insertApiKey.run(id, input.workspaceId, input.memberId, input.name, prefix, sha256Hex(key), createdAt);
        this.audit(input.workspaceId, input.memberId, 'api_key.created', 'api_key', id, { prefix }, createdAt);
      })
      .immediate();
    return { id, name: input.name, prefix, key, createdAt };
  }

  /** The acting member of a live API key, or null (malformed, unknown, revoked, or member suspended). */
  authenticateApiKey(key: string): (AuthContext & { apiKeyId: string }) | null {
    const prefix = apiKeyPrefix(key);
    if (prefix === undefined) return null;
    const now = this.now();
    const row = this.s.apiKeyContext.get(sha256Hex(key), prefix);
    if (!row) return null;
    const due = new Date(now.getTime() - TOUCH_INTERVAL_MS).toISOString();
    if (row.touched_at === null || row.touched_at < due) {
      touchQuietly(() => this.s.touchApiKey.run(now.toISOString(), row.api_key_id, due));
    }
    return { ...toContext(row), apiKeyId: row.api_key_id };
  }

  /** Revokes a key of this workspace; false when it is unknown here, in another workspace or already revoked. */
  revokeApiKey(workspaceId: string, id: string, actor: string | null = null): boolean {
    const at = this.now().toISOString();
    return this.db
      .transaction(() => {
        const changed = this.s.revokeApiKey.run(at, workspaceId, id).changes > 0;
        if (changed) this.audit(workspaceId, actor, 'api_key.revoked', 'api_key', id, {}, at);
        return changed;
      })
      .immediate();
  }

  listApiKeys(workspaceId: string): ApiKeySummary[] {
    return this.s.listApiKeys.all(workspaceId).map((r) => ({
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      prefix: r.prefix,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
    }));
  }

  /** Suspends or reactivates; takes effect on the member's next request (no cache). */
  setMemberStatus(workspaceId: string, memberId: string, status: MemberStatus, actor: string | null = null): boolean {
    const at = this.now().toISOString();
    return this.db
      .transaction(() => {
        const changed = this.s.setMemberStatus.run(status, workspaceId, memberId).changes > 0;
        if (changed) this.audit(workspaceId, actor, 'member.status_changed', 'member', memberId, { status }, at);
        return changed;
      })
      .immediate();
  }

  private audit(
    workspaceId: string,
    actor: string | null,
    action: string,
    targetType: string,
    targetId: string,
    detail: Record<string, unknown>,
    at: string,
  ): void {
    this.s.insertAudit.run(workspaceId, actor, action, targetType, targetId, JSON.stringify(detail), at);
  }
}

import type { WorkspaceRole } from '@formflow/store';

/** Who a request acts as: resolved from the session cookie or an API key on every request (H7; see `TurnCache`). */
export type Actor = {
  workspaceId: string;
  memberId: string;
  role: WorkspaceRole;
  via: 'session' | 'apiKey';
  /** The workspace's directory revision, read with the session or key: the cached permission viewer is keyed on it. */
  directoryRevision?: number;
};

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `registerAuth`'s onRequest hook; null for anonymous requests. */
    actor: Actor | null;
  }
}

import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { uuidV7 } from '../ids/uuid-v7.js';
import {
  type PublicLinkRow,
  type PublicLinkStatements,
  preparePublicLinkStatements,
} from './public-link-statements.js';
import type { CreatePublicLinkInput, PublicLink, UpdatePublicLinkInput } from './public-link-types.js';

/** A token is 32 random bytes in base64url: 43 characters of `[A-Za-z0-9_-]`. */
export const PUBLIC_LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function toLink(row: PublicLinkRow): PublicLink {
  const fields: unknown = JSON.parse(row.fields);
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    formId: row.form_id,
    token: row.token,
    name: row.name,
    fields: Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [],
    enabled: row.enabled === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
    submissions: row.submissions,
  };
}

/**
 * 外链 (public form links) on prepared statements. Managing calls are scoped by workspace (RELIABILITY H4); the
 * anonymous side finds a link by its token only, and the caller decides whether it is usable (`isLinkOpen`).
 */
export class PublicLinkRepository {
  private readonly s: PublicLinkStatements;

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.s = preparePublicLinkStatements(db);
  }

  createLink(input: CreatePublicLinkInput): PublicLink {
    const now = this.now();
    const at = now.toISOString();
    const row = {
      id: uuidV7(now.getTime()),
      workspace_id: input.workspaceId,
      form_id: input.formId,
      token: randomBytes(32).toString('base64url'),
      name: input.name,
      fields: JSON.stringify(input.fields),
      enabled: 1,
      created_by: input.createdBy,
      created_at: at,
      updated_at: at,
      expires_at: input.expiresAt,
    };
    this.s.insert.run(row);
    return toLink({ ...row, submissions: 0 });
  }

  getLink(workspaceId: string, id: string): PublicLink | undefined {
    const row = this.s.byId.get(workspaceId, id);
    return row ? toLink(row) : undefined;
  }

  /** The link with this token, whatever its state; undefined for a malformed or unknown token. */
  getByToken(token: string): PublicLink | undefined {
    if (!PUBLIC_LINK_TOKEN_PATTERN.test(token)) return undefined;
    const row = this.s.byToken.get(token);
    return row ? toLink(row) : undefined;
  }

  listLinks(workspaceId: string, formId: string): PublicLink[] {
    return this.s.byForm.all(workspaceId, formId).map(toLink);
  }

  updateLink(workspaceId: string, id: string, patch: UpdatePublicLinkInput): PublicLink | undefined {
    const current = this.getLink(workspaceId, id);
    if (!current) return undefined;
    const next = {
      workspace_id: workspaceId,
      id,
      name: patch.name === undefined ? current.name : patch.name,
      fields: JSON.stringify(patch.fields ?? current.fields),
      enabled: (patch.enabled ?? current.enabled) ? 1 : 0,
      updated_at: this.now().toISOString(),
      expires_at: patch.expiresAt === undefined ? current.expiresAt : patch.expiresAt,
    };
    this.s.update.run(next);
    return this.getLink(workspaceId, id);
  }

  /** Deletes the link (its token stops working at once). False when there was none. */
  deleteLink(workspaceId: string, id: string): boolean {
    return this.s.remove.run(workspaceId, id).changes > 0;
  }

  /** Counts an accepted submission; call it inside the record's write transaction. */
  countSubmission(workspaceId: string, id: string): void {
    this.s.countSubmission.run(workspaceId, id);
  }
}

/** Whether a link accepts visitors at `now`: enabled and not expired. */
export function isLinkOpen(link: PublicLink, now: Date): boolean {
  return link.enabled && (link.expiresAt === null || Date.parse(link.expiresAt) > now.getTime());
}

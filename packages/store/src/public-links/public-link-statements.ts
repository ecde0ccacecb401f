import type { Database, Statement } from 'better-sqlite3';

/** A `public_links` row as read. */
export type PublicLinkRow = {
  id: string;
  workspace_id: string;
  form_id: string;
  token: string;
  name: string | null;
  fields: string;
  enabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string | null;
  submissions: number;
};

const COLUMNS =
  'id, workspace_id, form_id, token, name, fields, enabled, created_by, created_at, updated_at, expires_at, submissions';

/** The public-link queries, prepared once per connection. Reads by id carry the workspace (RELIABILITY H4). */
export type PublicLinkStatements = {
  insert: Statement<[Omit<PublicLinkRow, 'submissions'>]>;
  byId: Statement<[string, string], PublicLinkRow>;
  byToken: Statement<[string], PublicLinkRow>;
  byForm: Statement<[string, string], PublicLinkRow>;
  update: Statement<
    [
      { workspace_id: string; id: string } & Omit<
        PublicLinkRow,
        'id' | 'workspace_id' | 'form_id' | 'token' | 'created_by' | 'created_at' | 'submissions'
      >,
    ]
  >;
  remove: Statement<[string, string]>;
  countSubmission: Statement<[string, string]>;
};

export function preparePublicLinkStatements(db: Database): PublicLinkStatements {
  return {
    insert: db.prepare(
      `INSERT INTO public_links (id, workspace_id, form_id, token, name, fields, enabled, created_by, created_at,
        updated_at, expires_at) VALUES (@id, @workspace_id, @form_id, @token, @name, @fields, @enabled, @created_by,
        @created_at, @updated_at, @expires_at)`,
    ),
    byId: db.prepare(`SELECT ${COLUMNS} FROM public_links WHERE workspace_id = ? AND id = ?`),
    byToken: db.prepare(`SELECT ${COLUMNS} FROM public_links WHERE token = ?`),
    byForm: db.prepare(`SELECT ${COLUMNS} FROM public_links WHERE workspace_id = ? AND form_id = ? ORDER BY id`),
    update: db.prepare(
      `UPDATE public_links SET name = @name, fields = @fields, enabled = @enabled, updated_at = @updated_at,
        expires_at = @expires_at WHERE workspace_id = @workspace_id AND id = @id`,
    ),
    remove: db.prepare('DELETE FROM public_links WHERE workspace_id = ? AND id = ?'),
    countSubmission: db.prepare(
      'UPDATE public_links SET submissions = submissions + 1 WHERE workspace_id = ? AND id = ?',
    ),
  };
}

import type { Migration } from '../migration.js';

const PUBLISHED = `FROM records r
      JOIN forms fo ON fo.workspace_id = r.workspace_id AND fo.id = r.form_id
      JOIN form_versions fv
        ON fv.workspace_id = fo.workspace_id AND fv.form_id = fo.id AND fv.version = fo.published_version`;

/**
 * `record_links`: which record links to which through which relation (DESIGN §6 derived updates). One row per
 * (record, relation slot, linked record id); the slot is the relation field id, or `subtableId.columnId` for a
 * relation column of a sub-table. Kept in step by the server inside every record write; read backwards
 * (`record_links_by_target`) to find the records whose lookups and rollups depend on a record that changed.
 * Links of records in the recycle bin are kept (a restore needs them). Backfilled here from the records' data and
 * their form's published definition.
 */
export const migration0004: Migration = {
  id: '0004',
  name: 'record-links',
  statements: [
    `CREATE TABLE record_links (
      workspace_id TEXT NOT NULL,
      from_record_id TEXT NOT NULL,
      from_form_id TEXT NOT NULL,
      field_key TEXT NOT NULL,
      to_record_id TEXT NOT NULL,
      PRIMARY KEY (workspace_id, from_record_id, field_key, to_record_id)
    ) WITHOUT ROWID`,
    // Covering (the key columns ride along in a WITHOUT ROWID index): without `from_form_id` here the planner prefers
    // walking the primary key by workspace, i.e. every link of the workspace.
    'CREATE INDEX record_links_by_target ON record_links (workspace_id, to_record_id, from_form_id)',
    `INSERT OR IGNORE INTO record_links (workspace_id, from_record_id, from_form_id, field_key, to_record_id)
      SELECT r.workspace_id, r.id, r.form_id, f.value ->> '$.id', v.value
      ${PUBLISHED}
      JOIN json_each(fv.definition, '$.fields') f
        ON f.value ->> '$.type' = 'relation' AND coalesce(f.value ->> '$.deleted', 0) = 0
      JOIN json_each(r.data, '$."' || (f.value ->> '$.id') || '"') v
      WHERE v.type = 'text' AND v.value <> ''`,
    `INSERT OR IGNORE INTO record_links (workspace_id, from_record_id, from_form_id, field_key, to_record_id)
      SELECT r.workspace_id, r.id, r.form_id, (s.value ->> '$.id') || '.' || (c.value ->> '$.id'), v.value
      ${PUBLISHED}
      JOIN json_each(fv.definition, '$.fields') s
        ON s.value ->> '$.type' = 'subtable' AND coalesce(s.value ->> '$.deleted', 0) = 0
      JOIN json_each(s.value, '$.settings.fields') c
        ON c.value ->> '$.type' = 'relation' AND coalesce(c.value ->> '$.deleted', 0) = 0
      JOIN json_each(r.data, '$."' || (s.value ->> '$.id') || '"') row ON row.type = 'object'
      JOIN json_each(row.value, '$."' || (c.value ->> '$.id') || '"') v
      WHERE v.type = 'text' AND v.value <> ''`,
  ],
};

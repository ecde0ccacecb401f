import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../testing/temp-database.js';
import { foreignKeyViolations } from '../pragmas.js';
import { runMigrations } from '../run-migrations.js';
import { migration0001 } from './0001-system-tables.js';
import { migration0002 } from './0002-auth.js';
import { SQLITE_MIGRATIONS } from './index.js';

let temp: ReturnType<typeof tempDatabase>;
let db: Database.Database;
beforeEach(() => {
  temp = tempDatabase();
  db = temp.db;
});
afterEach(() => temp.close());

const all = (sql: string) => db.prepare(sql).all();

/** A database as 0002 left it, with rows in every table 0003 rebuilds. */
function seedAt0002(): void {
  runMigrations(db, [migration0001, migration0002]);
  db.exec(`INSERT INTO workspaces VALUES ('w1', 'One', 't'), ('w2', 'Two', 't');
    INSERT INTO apps VALUES ('crm', 'w1', 'CRM', 't1', 't2');
    INSERT INTO forms VALUES ('contacts', 'w1', 'crm', '{"id":"contacts"}', 1, 't1', 't2');
    INSERT INTO form_versions VALUES ('w1', 'contacts', 1, '{"id":"contacts","version":1}', 'u', 't3');
    INSERT INTO records (id, workspace_id, form_id, form_version, data, created_at, updated_at) VALUES
      ('r1', 'w1', 'contacts', 1, '{}', 't', 't'), ('r2', 'w1', 'loose', 1, '{}', 't', 't'),
      ('r3', 'w2', 'loose', 1, '{}', 't', 't');
    INSERT INTO serial_counters VALUES ('contacts', 'no', '', 5), ('loose', 'no', '2026', 9), ('gone', 'no', '', 2);
    INSERT INTO unique_values VALUES ('w1', 'contacts', 'email', 'a@x.io', 'r1');
    INSERT INTO files (id, workspace_id, name, mime, size, sha256, storage_key, created_at)
      VALUES ('f1', 'w1', 'a.txt', 'text/plain', 1, 'abc', 'k', 't');`);
}

describe('migration 0003 (workspace keys)', () => {
  it('rebuilds apps, forms, versions, counters and unique values with every row kept (B4)', () => {
    seedAt0002();
    expect(runMigrations(db, SQLITE_MIGRATIONS)).toEqual(['0003', '0004', '0005', '0006']);
    expect(foreignKeyViolations(db)).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(all('SELECT id, workspace_id, name, definition, deleted_at FROM apps')).toEqual([
      { id: 'crm', workspace_id: 'w1', name: 'CRM', definition: '{"id":"crm","name":"CRM"}', deleted_at: null },
    ]);
    expect(all('SELECT id, app_id, draft, published_version, deleted_at FROM forms')).toEqual([
      { id: 'contacts', app_id: 'crm', draft: '{"id":"contacts"}', published_version: 1, deleted_at: null },
    ]);
    expect(all('SELECT workspace_id, form_id, version, published_by FROM form_versions')).toEqual([
      { workspace_id: 'w1', form_id: 'contacts', version: 1, published_by: 'u' },
    ]);
    expect(() => db.exec("UPDATE form_versions SET definition = '{}'")).toThrow(/immutable/);
    // A counter goes to every workspace holding the form or its records, at its value: no number handed out twice.
    expect(all('SELECT * FROM serial_counters ORDER BY workspace_id, form_id')).toEqual([
      { workspace_id: 'w1', form_id: 'contacts', field_id: 'no', period: '', value: 5 },
      { workspace_id: 'w1', form_id: 'loose', field_id: 'no', period: '2026', value: 9 },
      { workspace_id: 'w2', form_id: 'loose', field_id: 'no', period: '2026', value: 9 },
    ]);
    expect(all('SELECT workspace_id, record_id FROM unique_values')).toEqual([{ workspace_id: 'w1', record_id: 'r1' }]);
    expect(all('SELECT id, form_id, field_id FROM files')).toEqual([{ id: 'f1', form_id: null, field_id: null }]);
    const indexes = all(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`);
    expect(indexes).toEqual(
      expect.arrayContaining(
        ['forms_by_app', 'unique_values_by_record', 'files_by_sha256', 'import_jobs_by_form'].map((name) => ({ name })),
      ),
    );
  });

  it('keys forms by workspace: the same form id in two workspaces, never a form in another workspace’s app', () => {
    runMigrations(db, SQLITE_MIGRATIONS);
    db.exec(`INSERT INTO workspaces VALUES ('w1', 'One', 't'), ('w2', 'Two', 't');
      INSERT INTO apps (id, workspace_id, name, created_at, updated_at) VALUES ('crm', 'w1', 'CRM', 't', 't'),
        ('crm', 'w2', 'CRM', 't', 't');
      INSERT INTO forms (id, workspace_id, app_id, draft, created_at, updated_at) VALUES
        ('contacts', 'w1', 'crm', '{}', 't', 't'), ('contacts', 'w2', 'crm', '{}', 't', 't');`);
    expect(all(`SELECT workspace_id FROM forms WHERE id = 'contacts' ORDER BY 1`)).toHaveLength(2);
    expect(() =>
      db.exec(`INSERT INTO apps (id, workspace_id, name, created_at, updated_at) VALUES ('solo', 'w1', 'S', 't', 't');
        INSERT INTO forms (id, workspace_id, app_id, draft, created_at, updated_at)
        VALUES ('leads', 'w2', 'solo', '{}', 't', 't')`),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO public_links (id, workspace_id, form_id, token, fields, created_at, updated_at)
        VALUES ('l1', 'w2', 'nowhere', 'tok', '[]', 't', 't')`),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO import_jobs (id, workspace_id, form_id, status, mode, created_at, updated_at)
        VALUES ('j1', 'w1', 'contacts', 'paused', 'allOrNothing', 't', 't')`),
    ).toThrow(/CHECK/);
  });
});

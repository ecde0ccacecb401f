import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-database.js';
import { migration0001 } from '../sqlite/migrations/0001-system-tables.js';
import { migration0002 } from '../sqlite/migrations/0002-auth.js';
import { migration0003 } from '../sqlite/migrations/0003-workspace-keys.js';
import { SQLITE_MIGRATIONS } from '../sqlite/migrations/index.js';
import { runMigrations } from '../sqlite/run-migrations.js';
import { RecordLinkRepository } from './record-link-repository.js';

let temp: ReturnType<typeof tempDatabase>;
let db: Database.Database;
beforeEach(() => {
  temp = tempDatabase();
  db = temp.db;
});
afterEach(() => temp.close());

const definition = JSON.stringify({
  id: 'contracts',
  fields: [
    { id: 'customer', type: 'relation', settings: { formId: 'customers' } },
    { id: 'others', type: 'relation', settings: { formId: 'customers', multiple: true } },
    { id: 'gone', type: 'relation', deleted: true, settings: { formId: 'customers' } },
    { id: 'note', type: 'text' },
    {
      id: 'lines',
      type: 'subtable',
      settings: { fields: [{ id: 'product', type: 'relation', settings: { formId: 'products' } }] },
    },
  ],
});

function record(id: string, workspace: string, form: string, data: unknown): string {
  return `INSERT INTO records (id, workspace_id, form_id, form_version, data, created_at, updated_at)
    VALUES ('${id}', '${workspace}', '${form}', 1, '${JSON.stringify(data)}', 't', 't');`;
}

describe('migration 0004 (record links)', () => {
  it('backfills the links of existing records from their published definition', () => {
    runMigrations(db, [migration0001, migration0002, migration0003]);
    db.exec(`INSERT INTO workspaces VALUES ('w1', 'One', 't'), ('w2', 'Two', 't');
      INSERT INTO apps (id, workspace_id, name, created_at, updated_at) VALUES ('crm', 'w1', 'CRM', 't', 't');
      INSERT INTO forms (id, workspace_id, app_id, draft, published_version, created_at, updated_at)
        VALUES ('contracts', 'w1', 'crm', '{}', 1, 't', 't');
      INSERT INTO form_versions VALUES ('w1', 'contracts', 1, '${definition}', 'u', 't');
      ${record('k1', 'w1', 'contracts', {
        customer: 'c1',
        others: ['c2', 'c3'],
        gone: 'c9',
        note: 'c8',
        lines: [{ product: 'p1' }, { product: null }, { product: 'p2' }],
      })}
      ${record('k2', 'w1', 'contracts', { customer: null, others: null })}
      ${record('k3', 'w2', 'contracts', { customer: 'c1' })}`);
    expect(runMigrations(db, SQLITE_MIGRATIONS)).toEqual(['0004', '0005', '0006']);
    expect(db.prepare('SELECT * FROM record_links ORDER BY field_key, to_record_id').all()).toEqual([
      {
        workspace_id: 'w1',
        from_record_id: 'k1',
        from_form_id: 'contracts',
        field_key: 'customer',
        to_record_id: 'c1',
      },
      {
        workspace_id: 'w1',
        from_record_id: 'k1',
        from_form_id: 'contracts',
        field_key: 'lines.product',
        to_record_id: 'p1',
      },
      {
        workspace_id: 'w1',
        from_record_id: 'k1',
        from_form_id: 'contracts',
        field_key: 'lines.product',
        to_record_id: 'p2',
      },
      { workspace_id: 'w1', from_record_id: 'k1', from_form_id: 'contracts', field_key: 'others', to_record_id: 'c2' },
      { workspace_id: 'w1', from_record_id: 'k1', from_form_id: 'contracts', field_key: 'others', to_record_id: 'c3' },
    ]);
  });
});

describe('RecordLinkRepository', () => {
  beforeEach(() => runMigrations(db, SQLITE_MIGRATIONS));

  it('writes only the difference, finds linkers by target and stays inside its workspace', () => {
    const links = new RecordLinkRepository(db);
    expect(
      links.setLinks('w1', 'k1', 'contracts', [
        { fieldKey: 'customer', toRecordId: 'c1' },
        { fieldKey: 'others', toRecordId: 'c2' },
      ]),
    ).toBe(true);
    expect(links.setLinks('w1', 'k2', 'contracts', [{ fieldKey: 'customer', toRecordId: 'c1' }])).toBe(true);
    expect(links.setLinks('w2', 'k9', 'contracts', [{ fieldKey: 'customer', toRecordId: 'c1' }])).toBe(true);
    expect(links.linkersOf('w1', 'c1')).toEqual([
      { fromRecordId: 'k1', fromFormId: 'contracts', fieldKey: 'customer' },
      { fromRecordId: 'k2', fromFormId: 'contracts', fieldKey: 'customer' },
    ]);
    // The same links again: nothing to write.
    expect(
      links.setLinks('w1', 'k1', 'contracts', [
        { fieldKey: 'others', toRecordId: 'c2' },
        { fieldKey: 'customer', toRecordId: 'c1' },
      ]),
    ).toBe(false);
    expect(links.setLinks('w1', 'k1', 'contracts', [{ fieldKey: 'customer', toRecordId: 'c3' }])).toBe(true);
    expect(links.linksFrom('w1', 'k1')).toEqual([{ fieldKey: 'customer', toRecordId: 'c3' }]);
    expect(links.linkersOf('w1', 'c1').map((l) => l.fromRecordId)).toEqual(['k2']);
    links.removeLinks('w1', 'k2');
    expect(links.linkersOf('w1', 'c1')).toEqual([]);
    expect(links.linkersOf('w2', 'c1').map((l) => l.fromRecordId)).toEqual(['k9']);
  });

  it('finds linkers through the target index, not by walking every link of the workspace', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT from_record_id, from_form_id, field_key FROM record_links
          WHERE workspace_id = ? AND to_record_id = ?`,
      )
      .all('w1', 'c1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX record_links_by_target');
  });

  it('rebuilds the links of every record of a form, page by page', () => {
    db.exec(`INSERT INTO workspaces VALUES ('w1', 'One', 't');`);
    const insert = db.prepare(
      `INSERT INTO records (id, workspace_id, form_id, form_version, data, created_at, updated_at)
        VALUES (?, 'w1', ?, 1, ?, 't', 't')`,
    );
    for (let i = 0; i < 1203; i++) {
      insert.run(`k${String(i).padStart(5, '0')}`, 'contracts', JSON.stringify({ customer: `c${i % 3}` }));
    }
    insert.run('x1', 'other', JSON.stringify({ customer: 'c0' }));
    const links = new RecordLinkRepository(db);
    links.setLinks('w1', 'k00000', 'contracts', [{ fieldKey: 'customer', toRecordId: 'stale' }]);
    const linksOf = (data: Record<string, unknown>) =>
      typeof data['customer'] === 'string' ? [{ fieldKey: 'customer', toRecordId: data['customer'] }] : [];
    expect(links.rebuildForm('w1', 'contracts', linksOf)).toBe(1203);
    expect(links.linkersOf('w1', 'stale')).toEqual([]);
    expect(links.linkersOf('w1', 'c0')).toHaveLength(401);
    expect(links.rebuildForm('w1', 'contracts', linksOf)).toBe(0);
  });
});

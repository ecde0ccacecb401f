import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store.js';
import * as tables from './sqlite/tables/index.js';
import { tempDir } from './testing/temp-dir.js';

const dirs: ReturnType<typeof tempDir>[] = [];
const stores: Store[] = [];
function open(file: string, synchronous?: 'NORMAL' | 'FULL'): Store {
  const store = openStore({ path: file, synchronous });
  stores.push(store);
  return store;
}
function dir() {
  const d = tempDir();
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const store of stores.splice(0)) if (store.db.open) store.close();
  for (const d of dirs.splice(0)) d.remove();
});

describe('openStore', () => {
  it('applies WAL, synchronous NORMAL, foreign keys and a busy timeout at open (D3)', () => {
    const store = open(dir().file('nested/folder/app.db'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('applies synchronous FULL by option', () => {
    const store = open(dir().file('app.db'), 'FULL');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('runs migrations once: a reopen applies nothing and keeps data', () => {
    const file = dir().file('app.db');
    const first = open(file);
    const created = first.records.createRecord({
      workspaceId: 'w1',
      formId: 'f1',
      formVersion: 1,
      data: { name: 'A' },
      actor: 'u1',
    });
    first.close();
    const second = open(file);
    const ledger = second.db.prepare('SELECT id FROM schema_migrations').all();
    expect(ledger).toEqual([
      { id: '0001' },
      { id: '0002' },
      { id: '0003' },
      { id: '0004' },
      { id: '0005' },
      { id: '0006' },
    ]);
    expect(created.ok && second.records.getRecord('w1', created.record.id)?.data).toEqual({ name: 'A' });
  });

  it('declares in drizzle exactly the columns the migrations create', () => {
    const store = open(dir().file('app.db'));
    for (const table of Object.values(tables) as SQLiteTable[]) {
      const config = getTableConfig(table);
      const actual = (store.db.pragma(`table_info(${config.name})`) as { name: string }[]).map((c) => c.name);
      expect(actual.sort(), config.name).toEqual(config.columns.map((c) => c.name).sort());
    }
  });

  it('keeps the records table contract and the drizzle ORM works over the same connection', () => {
    const store = open(dir().file('app.db'));
    const columns = store.db.pragma('table_info(records)') as { name: string; type: string; notnull: number }[];
    expect(columns.map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}`)).toEqual([
      'id TEXT',
      'workspace_id TEXT NOT NULL',
      'form_id TEXT NOT NULL',
      'form_version INTEGER NOT NULL',
      'data TEXT NOT NULL',
      'search TEXT NOT NULL',
      'version INTEGER NOT NULL',
      'created_by TEXT',
      'created_at TEXT NOT NULL',
      'updated_by TEXT',
      'updated_at TEXT NOT NULL',
      'deleted_at TEXT',
    ]);
    store.orm.insert(tables.workspaces).values({ id: 'w1', name: 'Acme', createdAt: '2026-01-01T00:00:00Z' }).run();
    expect(store.orm.select().from(tables.workspaces).all()).toEqual([
      { id: 'w1', name: 'Acme', createdAt: '2026-01-01T00:00:00Z' },
    ]);
  });

  it('enforces foreign keys and keeps form versions immutable', () => {
    const store = open(dir().file('app.db'));
    expect(() =>
      store.db.prepare("INSERT INTO members (id, workspace_id, name, created_at) VALUES ('m', 'nope', 'x', 't')").run(),
    ).toThrow(/FOREIGN KEY/);
    store.db.exec(`INSERT INTO workspaces VALUES ('w', 'W', 't');
      INSERT INTO apps (id, workspace_id, name, created_at, updated_at) VALUES ('a', 'w', 'A', 't', 't');
      INSERT INTO forms (id, workspace_id, app_id, draft, published_version, created_at, updated_at)
        VALUES ('f', 'w', 'a', '{}', 1, 't', 't');
      INSERT INTO form_versions VALUES ('w', 'f', 1, '{}', NULL, 't');`);
    expect(() => store.db.exec("UPDATE form_versions SET definition = '[]'")).toThrow(/immutable/);
  });
});

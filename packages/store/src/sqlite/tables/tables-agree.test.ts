import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store.js';
import { tempDir } from '../../testing/temp-dir.js';
import * as tables from './index.js';

type ForeignKeyRow = { id: number; seq: number; table: string; from: string; to: string };
type IndexRow = { name: string; origin: string };

let dir: ReturnType<typeof tempDir>;
let store: Store;
beforeAll(() => {
  dir = tempDir();
  store = openStore({ path: dir.file('app.db') });
});
afterAll(() => {
  store.close();
  dir.remove();
});

const configs = (Object.values(tables) as SQLiteTable[]).map((table) => getTableConfig(table));

/** The migrated database as SQLite describes it: primary key, CREATE INDEX names, foreign keys. */
function actual(name: string) {
  const columns = store.db.pragma(`table_info(${name})`) as { name: string; pk: number }[];
  const primaryKey = columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  const indexes = (store.db.pragma(`index_list(${name})`) as IndexRow[])
    .filter((i) => i.origin === 'c')
    .map((i) => i.name)
    .sort();
  const byId = new Map<number, ForeignKeyRow[]>();
  for (const row of store.db.pragma(`foreign_key_list(${name})`) as ForeignKeyRow[]) {
    byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  }
  const foreignKeys = [...byId.values()]
    .map((rows) => rows.sort((a, b) => a.seq - b.seq))
    .map((rows) => `(${rows.map((r) => r.from).join(',')}) → ${rows[0]?.table}(${rows.map((r) => r.to).join(',')})`)
    .sort();
  return { primaryKey, indexes, foreignKeys };
}

/** The same, read from the drizzle declaration. */
function declared(config: (typeof configs)[number]) {
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name);
  const primaryKey = composite ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  const indexes = config.indexes.map((i) => i.config.name).sort();
  const foreignKeys = config.foreignKeys
    .map((fk) => fk.reference())
    .map(
      (ref) =>
        `(${ref.columns.map((c) => c.name).join(',')}) → ${getTableConfig(ref.foreignTable).name}(${ref.foreignColumns
          .map((c) => c.name)
          .join(',')})`,
    )
    .sort();
  return { primaryKey, indexes, foreignKeys };
}

describe('drizzle declarations and the migrated schema', () => {
  it.each(configs.map((c) => [c.name, c] as const))('%s: same primary key, indexes and foreign keys', (name, c) => {
    expect(declared(c)).toEqual(actual(name));
  });
});

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-database.js';
import type { Migration } from './migration.js';
import { SQLITE_MIGRATIONS } from './migrations/index.js';
import { foreignKeyViolations } from './pragmas.js';
import { runMigrations } from './run-migrations.js';

let temp: ReturnType<typeof tempDatabase>;
let db: Database.Database;
beforeEach(() => {
  temp = tempDatabase();
  db = temp.db;
});
afterEach(() => temp.close());

/** A child table that cascades from its parent: the shape drizzle's migrator silently empties (drizzle #5782). */
const cascadeTables: Migration = {
  id: '9001',
  name: 'test-cascade-tables',
  statements: [
    'CREATE TABLE t_parent (id TEXT PRIMARY KEY, label TEXT)',
    'CREATE TABLE t_child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES t_parent (id) ON DELETE CASCADE)',
  ],
};

/** Rebuilds t_parent (a column default change) and the system `workspaces` table, per SQLite's ALTER TABLE recipe. */
const REBUILD_T_PARENT = [
  "CREATE TABLE t_parent_new (id TEXT PRIMARY KEY, label TEXT NOT NULL DEFAULT 'none')",
  "INSERT INTO t_parent_new (id, label) SELECT id, coalesce(label, 'none') FROM t_parent",
  'DROP TABLE t_parent',
  'ALTER TABLE t_parent_new RENAME TO t_parent',
];
function rebuild(rebuildsTables: boolean, tables: 't_parent' | 'both' = 'both'): Migration {
  const statements = [
    ...REBUILD_T_PARENT,
    ...(tables === 'both'
      ? [
          `CREATE TABLE workspaces_new (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL,
        plan TEXT NOT NULL DEFAULT 'free')`,
          'INSERT INTO workspaces_new (id, name, created_at) SELECT id, name, created_at FROM workspaces',
          'DROP TABLE workspaces',
          'ALTER TABLE workspaces_new RENAME TO workspaces',
        ]
      : []),
  ];
  return { id: '9002', name: 'test-rebuild-parents', rebuildsTables, statements };
}

function seed(): void {
  runMigrations(db, [...SQLITE_MIGRATIONS, cascadeTables]);
  db.exec(`INSERT INTO t_parent VALUES ('p1', NULL), ('p2', 'two');
    INSERT INTO t_child VALUES ('c1', 'p1'), ('c2', 'p1'), ('c3', 'p2');
    INSERT INTO workspaces VALUES ('w1', 'W', 't');
    INSERT INTO members (id, workspace_id, name, created_at) VALUES ('m1', 'w1', 'M', 't'), ('m2', 'w1', 'N', 't');`);
}
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('runMigrations', () => {
  it('is idempotent: a second run applies nothing', () => {
    expect(runMigrations(db, SQLITE_MIGRATIONS)).toEqual(['0001', '0002', '0003', '0004', '0005', '0006']);
    expect(runMigrations(db, SQLITE_MIGRATIONS)).toEqual([]);
  });

  it('rebuilds parent tables with child rows present: children kept, foreign_key_check empty (B4)', () => {
    seed();
    expect(runMigrations(db, [...SQLITE_MIGRATIONS, cascadeTables, rebuild(true)])).toEqual(['9002']);
    expect(count('t_child')).toBe(3);
    expect(count('members')).toBe(2);
    expect(foreignKeyViolations(db)).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT plan FROM workspaces').all()).toEqual([{ plan: 'free' }]);
  });

  it('control: without the flag, the rebuild silently empties a cascading child (the drizzle pitfall)', () => {
    seed();
    runMigrations(db, [...SQLITE_MIGRATIONS, cascadeTables, rebuild(false, 't_parent')]);
    expect(count('t_child')).toBe(0);
  });

  it('control: without the flag, rebuilding a referenced system table is refused, nothing applied', () => {
    seed();
    expect(() => runMigrations(db, [...SQLITE_MIGRATIONS, cascadeTables, rebuild(false)])).toThrow(/FOREIGN KEY/);
    expect(count('t_child')).toBe(3);
    expect(db.prepare("SELECT id FROM schema_migrations WHERE id = '9002'").get()).toBeUndefined();
  });

  it('rolls a failing migration back whole and re-enables foreign keys', () => {
    seed();
    const broken: Migration = {
      id: '9003',
      name: 'broken',
      rebuildsTables: true,
      statements: ['CREATE TABLE half_done (id TEXT)', 'SELECT * FROM no_such_table'],
    };
    expect(() => runMigrations(db, [...SQLITE_MIGRATIONS, cascadeTables, broken])).toThrow(/no_such_table/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses to commit a rebuild that leaves dangling references', () => {
    seed();
    const dropsParent: Migration = {
      id: '9004',
      name: 'drops-parent-rows',
      rebuildsTables: true,
      statements: ["DELETE FROM t_parent WHERE id = 'p2'"],
    };
    expect(() => runMigrations(db, [...SQLITE_MIGRATIONS, cascadeTables, dropsParent])).toThrow(/foreign keys/);
    expect(count('t_parent')).toBe(2);
  });
});

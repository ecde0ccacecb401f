import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { foldText } from '@formflow/engine';
import type { FormDef } from '@formflow/schema';
import { registerQueryFunctions } from './register-query-functions.js';

/* Test fixture (not a test file): the records table of the store's contract, in a temp file, and a form. */

export type TestDb = { db: Database.Database; close: () => void };

export function openTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'formflow-query-'));
  const db = new Database(join(dir, 'records.db'));
  db.exec(`CREATE TABLE records (
    id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, form_id TEXT NOT NULL, form_version INTEGER NOT NULL,
    data TEXT NOT NULL, search TEXT NOT NULL DEFAULT '{}', version INTEGER NOT NULL DEFAULT 1,
    created_by TEXT, created_at TEXT NOT NULL, updated_by TEXT, updated_at TEXT NOT NULL, deleted_at TEXT)`);
  registerQueryFunctions(db);
  return {
    db,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The folded shadow as the store writes it: foldText of string values; string lists joined with U+001F. */
export function searchShadow(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string') out[k] = foldText(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v.map(foldText).join('\u001f');
  }
  return out;
}

export type TestRecord = { id: string; data: Record<string, unknown> };

export function insertRecords(db: Database.Database, rows: readonly TestRecord[], formId = 'deals', ws = 'w1'): void {
  db.exec('DELETE FROM records');
  const insert = db.prepare(
    `INSERT INTO records (id, workspace_id, form_id, form_version, data, search, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  db.transaction(() => {
    for (const r of rows) insert.run(r.id, ws, formId, JSON.stringify(r.data), JSON.stringify(searchShadow(r.data)));
  })();
}

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));

export const queryTestForm: FormDef = {
  id: 'deals',
  name: 'Deals',
  fields: [
    { id: 'name', type: 'text', label: 'Name' },
    { id: 'amount', type: 'money', label: 'Amount' },
    { id: 'closeOn', type: 'date', label: 'Close date' },
    { id: 'meetAt', type: 'datetime', label: 'Meeting' },
    { id: 'stage', type: 'select', label: 'Stage', settings: { options: options('lead', 'won', 'lost') } },
    { id: 'tags', type: 'multiselect', label: 'Tags', settings: { options: options('a', 'b', 'c') } },
    { id: 'owner', type: 'member', label: 'Owner' },
    { id: 'watchers', type: 'member', label: 'Watchers', settings: { multiple: true } },
    { id: 'dept', type: 'department', label: 'Department' },
    { id: 'vip', type: 'boolean', label: 'VIP' },
    { id: 'addr', type: 'address', label: 'Address' },
    {
      id: 'items',
      type: 'subtable',
      label: 'Items',
      settings: {
        fields: [
          { id: 'sku', type: 'text', label: 'SKU' },
          { id: 'qty', type: 'number', label: 'Qty' },
          { id: 'kind', type: 'select', label: 'Kind', settings: { options: options('x', 'y') } },
        ],
      },
    },
  ],
};

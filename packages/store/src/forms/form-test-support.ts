import type { FieldDef, FormDef } from '@formflow/schema';
import { openStore, type Store } from '../store.js';
import { tempDir } from '../testing/temp-dir.js';
import { FormRepository } from './form-repository.js';

/** A real SQLite store with workspaces wA and wB, an app in each, and a form repository (tests only). */
export function openFormTestStore(): { store: Store; forms: FormRepository; close(): void } {
  const dir = tempDir('formflow-forms-');
  const store = openStore({ path: dir.file('app.db') });
  const at = '2026-01-01T00:00:00.000Z';
  for (const ws of ['wA', 'wB']) {
    store.db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').run(ws, ws, at);
    store.db
      .prepare('INSERT INTO apps (id, workspace_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(`app-${ws}`, ws, 'CRM', at, at);
  }
  return {
    store,
    forms: new FormRepository(store.db),
    close: () => {
      store.close();
      dir.remove();
    },
  };
}

export const nameField: FieldDef = { id: 'name', type: 'text', label: 'Name' };
export const emailField: FieldDef = { id: 'email', type: 'email', label: 'Email', key: 'email' };
export const amountField: FieldDef = { id: 'amount', type: 'text', label: 'Amount' };

export function contactsForm(fields: FieldDef[] = [nameField, emailField, amountField]): FormDef {
  return { id: 'contacts', name: 'Contacts', fields };
}

/** Inserts records through the record repository, all in one transaction. */
export function seedRecords(store: Store, workspaceId: string, data: Record<string, string | number>[]): string[] {
  return store.db.transaction(() =>
    data.map((d) => {
      const result = store.records.createRecord({
        workspaceId,
        formId: 'contacts',
        formVersion: 1,
        data: d,
        actor: 'seed',
      });
      if (!result.ok) throw new Error(result.reason);
      return result.record.id;
    }),
  )();
}

export function auditActions(store: Store, workspaceId: string): string[] {
  return (
    store.db.prepare('SELECT action FROM audit_log WHERE workspace_id = ? ORDER BY id').all(workspaceId) as {
      action: string;
    }[]
  ).map((row) => row.action);
}

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCommand, openDataStore, restoreCommand } from './data-commands.js';

const sink = () => {
  const lines: string[] = [];
  return { lines, write: (t: string) => lines.push(t) };
};

describe('formflow backup / restore (RELIABILITY D4)', () => {
  let root: string;
  const saved = process.env.FORMFLOW_DATA_DIR;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'formflow-backup-'));
    process.env.FORMFLOW_DATA_DIR = join(root, 'data');
  });
  afterEach(() => {
    process.env.FORMFLOW_DATA_DIR = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up a live store and restores it into a new data folder with the same records', async () => {
    const store = openDataStore();
    for (let i = 0; i < 25; i++) {
      const r = store.records.createRecord({
        workspaceId: 'w1',
        formId: 'customers',
        formVersion: 1,
        data: { name: `客户${i}` },
        actor: 'm1',
      });
      expect(r.ok).toBe(true);
    }
    store.close();
    const out = sink();
    const err = sink();
    expect(await backupCommand(join(root, 'backup.db'), out, err)).toBe(0);
    expect(out.lines.join('')).toMatch(/integrity check: ok/);
    expect(await backupCommand(join(root, 'backup.db'), out, err)).toBe(1); // never overwrites a file
    expect(restoreCommand(join(root, 'backup.db'), join(root, 'restored'), out, err)).toBe(0);
    expect(restoreCommand(join(root, 'backup.db'), join(root, 'restored'), out, err)).toBe(1); // never over live data
    const restored = openDataStore(join(root, 'restored'));
    try {
      expect(restored.db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 25 });
      expect(
        restored.db.prepare("SELECT json_extract(data, '$.name') AS name FROM records ORDER BY id LIMIT 1").get(),
      ).toEqual({
        name: '客户0',
      });
    } finally {
      restored.close();
    }
  });

  it('refuses to restore a file that is not a sound database', () => {
    const bogus = join(root, 'bogus.db');
    writeFileSync(bogus, 'not a database');
    const err = sink();
    expect(restoreCommand(bogus, join(root, 'restored'), sink(), err)).toBe(1);
    expect(err.lines.join('')).toMatch(/not a sound Formflow backup/);
    expect(existsSync(join(root, 'restored', 'formflow.db'))).toBe(false);
  });
});

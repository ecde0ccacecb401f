import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { openTestStore } from '../testing/open-test-store.js';
import { FileRepository } from './file-repository.js';

let store: Store;
let close: () => void;
let files: FileRepository;

beforeEach(() => {
  ({ store, close } = openTestStore());
  files = new FileRepository(store.db, () => new Date('2026-02-01T00:00:00.000Z'));
});
afterEach(() => close());

const sha = 'ab'.padEnd(64, '0');
const newFile = (workspaceId = 'wA', fieldId = 'photos') =>
  files.createFile({
    workspaceId,
    name: '合同.pdf',
    mime: 'application/pdf',
    size: 10,
    sha256: sha,
    storageKey: `ab/${sha}`,
    createdBy: 'm1',
    formId: 'claims',
    fieldId,
  });

function record(workspaceId: string, data: Record<string, unknown>, deleted = false): string {
  const made = store.records.createRecord({
    workspaceId,
    formId: 'claims',
    formVersion: 1,
    data: data as never,
    actor: 'm1',
  });
  if (!made.ok) throw new Error('insert');
  if (deleted) store.records.deleteRecord({ workspaceId, id: made.record.id, actor: 'm1' });
  return made.record.id;
}

describe('FileRepository', () => {
  it('creates and reads files by workspace only', () => {
    const file = newFile();
    expect(files.getFile('wA', file.id)).toEqual(file);
    expect(files.getFile('wB', file.id)).toBeUndefined();
    expect(file.createdAt).toBe('2026-02-01T00:00:00.000Z');
    expect(files.blobInUse(sha)).toBe(true);
    expect(files.blobInUse('cd'.padEnd(64, '0'))).toBe(false);
  });

  it('finds live records holding a file: lists, single refs (signature) and sub-table columns', () => {
    const file = newFile();
    const ref = { id: file.id, name: 'x', size: 1, mime: 'application/pdf' };
    expect(files.isReferenced('wA', 'claims', 'photos', file.id)).toBe(false);
    record('wA', { photos: [{ ...ref, id: 'other' }], note: file.id });
    expect(files.isReferenced('wA', 'claims', 'photos', file.id)).toBe(false);
    record('wA', { photos: [{ ...ref, id: 'other' }, ref] });
    expect(files.isReferenced('wA', 'claims', 'photos', file.id)).toBe(true);
    expect(files.isReferenced('wA', 'claims', 'receipt', file.id)).toBe(false);
    expect(files.isReferenced('wB', 'claims', 'photos', file.id)).toBe(false);
    record('wA', { sign: ref });
    expect(files.isReferenced('wA', 'claims', 'sign', file.id)).toBe(true);
    record('wA', {
      items: [
        { id: 'r1', what: 'x' },
        { id: 'r2', scan: [ref] },
      ],
    });
    expect(files.isReferenced('wA', 'claims', 'items.scan', file.id)).toBe(true);
    expect(files.isReferenced('wA', 'claims', 'items.what', file.id)).toBe(false);
  });

  it('ignores records in the recycle bin and applies a scope condition', () => {
    const file = newFile();
    const ref = { id: file.id, name: 'x', size: 1, mime: 'application/pdf' };
    record('wA', { photos: [ref], owner: 'm2' }, true);
    expect(files.isReferenced('wA', 'claims', 'photos', file.id)).toBe(false);
    record('wA', { photos: [ref], owner: 'm2' });
    const mine = { sql: `json_extract(r.data, '$."owner"') = ?`, params: ['m1'] };
    const theirs = { sql: `json_extract(r.data, '$."owner"') = ?`, params: ['m2'] };
    expect(files.isReferenced('wA', 'claims', 'photos', file.id, mine)).toBe(false);
    expect(files.isReferenced('wA', 'claims', 'photos', file.id, theirs)).toBe(true);
  });

  it('refuses a field path that is not an id before any SQL is built (RELIABILITY I1)', () => {
    expect(() => files.isReferenced('wA', 'claims', `x'); DROP TABLE records;--`, 'f')).toThrow(/not a valid id/);
  });
});

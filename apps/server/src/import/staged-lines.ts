import type { ImportRecordWriter, PreparedRecord, RecordData } from '@formflow/store';
import type { CheckedRow } from './row-checker.js';

type Deferred = Exclude<CheckedRow, { kind: 'failed' }>;

/**
 * An allOrNothing row applied only by the job's final transaction, as a line of the job's spool file:
 * `row TAB u TAB [patch, id, version]` (a dedupe update), `row TAB s` (a skip) or, for a form whose new records are
 * not staged, `row TAB c TAB data TAB search TAB keys` (a new record's stored text, see `PreparedRecord`). JSON never
 * holds a raw tab or line break.
 */
export function stageLine(checked: Deferred, writer: Pick<ImportRecordWriter, 'prepare'>): string {
  if (checked.kind === 'create') {
    const { data, search, keys } = checked.prepared ?? writer.prepare(checked.values);
    return `${checked.row}\tc\t${data}\t${search}\t${JSON.stringify(keys)}`;
  }
  if (checked.kind === 'update') {
    return `${checked.row}\tu\t${JSON.stringify([checked.patch, checked.id, checked.version])}`;
  }
  return `${checked.row}\ts`;
}

export function unstageLine(line: string): Deferred {
  const parts = line.split('\t');
  const row = Number(parts[0]);
  if (parts[1] === 'c') {
    const prepared: PreparedRecord = {
      data: parts[2] ?? '{}',
      search: parts[3] ?? '{}',
      keys: JSON.parse(parts[4] ?? '[]') as (string | null)[],
    };
    // Only forms without unique fields defer their inserts: no conflict message will need the values.
    return { kind: 'create', row, values: {}, prepared };
  }
  if (parts[1] === 'u') {
    const [patch, id, version] = JSON.parse(parts[2] ?? '[]') as [RecordData, string, number];
    return { kind: 'update', row, patch, id, version };
  }
  return { kind: 'skip', row };
}

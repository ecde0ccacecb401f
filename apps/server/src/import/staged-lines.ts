import type { RecordData } from '@formflow/store';
import type { CheckedRow } from './row-checker.js';

type Deferred = Extract<CheckedRow, { kind: 'update' | 'skip' }>;

/**
 * An allOrNothing row applied only when the job publishes (a dedupe update or skip), as a line of the job's spool
 * file: `row TAB u TAB [patch, id, version]` or `row TAB s` (JSON never holds a raw tab or line break).
 */
export function stageLine(checked: Deferred): string {
  if (checked.kind === 'update') {
    return `${checked.row}\tu\t${JSON.stringify([checked.patch, checked.id, checked.version])}`;
  }
  return `${checked.row}\ts`;
}

export function unstageLine(line: string): Deferred {
  const parts = line.split('\t');
  const row = Number(parts[0]);
  if (parts[1] === 'u') {
    const [patch, id, version] = JSON.parse(parts[2] ?? '[]') as [RecordData, string, number];
    return { kind: 'update', row, patch, id, version };
  }
  return { kind: 'skip', row };
}

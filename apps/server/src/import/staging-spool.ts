import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineSpool } from './line-spool.js';
import type { StagedRow } from './write-rows.js';

/**
 * Validated rows waiting for the one final transaction of an allOrNothing import. The first `memoryRows` stay in
 * memory; beyond that every row goes as a JSON line to a LineSpool in a private temp folder, so memory stays bounded
 * however long the upload is. `rows()` reads them back synchronously (inside the transaction); `dispose()` deletes
 * the folder.
 */
export class StagingSpool {
  private memory: StagedRow[] = [];
  private file: LineSpool | null = null;
  private dir: string | null = null;
  size = 0;

  constructor(
    private readonly memoryRows = 10_000,
    private readonly parentDir = tmpdir(),
  ) {}

  get spilled(): boolean {
    return this.file !== null;
  }

  push(row: StagedRow): void {
    this.size += 1;
    if (this.file === null && this.memory.length < this.memoryRows) {
      this.memory.push(row);
      return;
    }
    this.file ??= this.spill();
    this.file.append(JSON.stringify(row));
  }

  *rows(): Generator<StagedRow> {
    yield* this.memory;
    if (this.file === null) return;
    for (const line of this.file.lines()) yield JSON.parse(line) as StagedRow;
  }

  dispose(): void {
    this.memory = [];
    this.file?.dispose();
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.file = null;
    this.dir = null;
  }

  private spill(): LineSpool {
    this.dir = mkdtempSync(join(this.parentDir, 'formflow-import-'));
    return new LineSpool(this.dir, 'staged.jsonl');
  }
}

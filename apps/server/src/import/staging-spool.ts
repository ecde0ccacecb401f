import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { StagedRow } from './write-rows.js';

const FLUSH_CHARS = 1024 * 1024;

/**
 * Validated rows waiting for the one final transaction of an allOrNothing import. The first `memoryRows` stay in
 * memory; beyond that every row goes to a JSON-lines file in a private temp folder, so memory stays bounded
 * however long the upload is. `rows()` reads them back synchronously (inside the transaction); `dispose()` deletes
 * the file.
 */
export class StagingSpool {
  private memory: StagedRow[] = [];
  private fd: number | null = null;
  private dir: string | null = null;
  private pending: string[] = [];
  private pendingChars = 0;
  private written = 0;
  size = 0;

  constructor(
    private readonly memoryRows = 10_000,
    private readonly parentDir = tmpdir(),
  ) {}

  get spilled(): boolean {
    return this.fd !== null;
  }

  push(row: StagedRow): void {
    this.size += 1;
    if (this.fd === null && this.memory.length < this.memoryRows) {
      this.memory.push(row);
      return;
    }
    if (this.fd === null) this.spill();
    this.append(row);
  }

  *rows(): Generator<StagedRow> {
    yield* this.memory;
    if (this.fd === null) return;
    this.flush();
    const buffer = Buffer.alloc(FLUSH_CHARS);
    const decoder = new StringDecoder('utf8');
    let position = 0;
    let rest = '';
    while (position < this.written) {
      const n = readSync(this.fd, buffer, 0, buffer.length, position);
      if (n === 0) break;
      position += n;
      rest += decoder.write(buffer.subarray(0, n));
      let start = 0;
      for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
        yield JSON.parse(rest.slice(start, nl)) as StagedRow;
        start = nl + 1;
      }
      rest = rest.slice(start);
    }
  }

  dispose(): void {
    this.memory = [];
    this.pending = [];
    if (this.fd !== null) closeSync(this.fd);
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.fd = null;
    this.dir = null;
  }

  private spill(): void {
    this.dir = mkdtempSync(join(this.parentDir, 'formflow-import-'));
    this.fd = openSync(join(this.dir, 'staged.jsonl'), 'w+', 0o600);
  }

  private append(row: StagedRow): void {
    const line = `${JSON.stringify(row)}\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    let offset = 0;
    while (offset < bytes.length)
      offset += writeSync(this.fd, bytes, offset, bytes.length - offset, this.written + offset);
    this.written += bytes.length;
    this.pending = [];
    this.pendingChars = 0;
  }
}

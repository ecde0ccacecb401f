import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const FLUSH_CHARS = 1024 * 1024;

/**
 * Lines of text appended to a private temp file and read back in order, synchronously (inside a transaction):
 * bounded memory whatever the number of lines. A line must not contain `\n`.
 */
export class LineSpool {
  private readonly fd: number;
  private readonly path: string;
  private pending: string[] = [];
  private pendingChars = 0;
  private written = 0;
  size = 0;

  constructor(dir: string, name: string) {
    this.path = join(dir, name);
    this.fd = openSync(this.path, 'w+', 0o600);
  }

  append(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length + 1;
    this.size += 1;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  *lines(): Generator<string> {
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
        yield rest.slice(start, nl);
        start = nl + 1;
      }
      rest = rest.slice(start);
    }
  }

  dispose(): void {
    this.pending = [];
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(`${this.pending.join('\n')}\n`, 'utf8');
    let offset = 0;
    while (offset < bytes.length)
      offset += writeSync(this.fd, bytes, offset, bytes.length - offset, this.written + offset);
    this.written += bytes.length;
    this.pending = [];
    this.pendingChars = 0;
  }
}

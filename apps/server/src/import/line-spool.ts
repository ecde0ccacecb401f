import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const BUFFER_BYTES = 1024 * 1024;
/** A line break as UTF-16LE. */
const NEWLINE = Buffer.from('\n', 'utf16le');

/**
 * Lines of text appended to a private temp file and read back in order, synchronously (inside a transaction):
 * bounded memory whatever the number of lines. A line must not contain `\n`. The file holds UTF-16LE, JavaScript's
 * own string encoding: each line is copied into a 1 MiB buffer as it comes and read back with one `toString` per
 * MiB, without transcoding (UTF-8 cost about twice as much per row). A surrogate pair cut by a buffer border is
 * whole again once the two halves are joined.
 */
export class LineSpool {
  private readonly fd: number;
  private readonly path: string;
  private buffer: Buffer | null = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private written = 0;
  size = 0;

  constructor(dir: string, name: string) {
    this.path = join(dir, name);
    this.fd = openSync(this.path, 'w+', 0o600);
  }

  append(line: string): void {
    this.size += 1;
    const bytes = 2 * line.length + NEWLINE.length;
    if (this.used + bytes > BUFFER_BYTES) this.flush();
    const buffer = this.buffer;
    if (!buffer || bytes > BUFFER_BYTES) {
      this.writeAll(Buffer.from(`${line}\n`, 'utf16le'));
      return;
    }
    this.used += buffer.write(line, this.used, 'utf16le');
    this.used += NEWLINE.copy(buffer, this.used);
  }

  *lines(): Generator<string> {
    this.flush();
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    let position = 0;
    let rest = '';
    while (position < this.written) {
      const n = readSync(this.fd, buffer, 0, Math.min(buffer.length, this.written - position), position);
      if (n === 0) break;
      // Whole UTF-16 code units only: an odd byte is read again with the next chunk.
      const even = n - (n % 2);
      position += even;
      rest += buffer.toString('utf16le', 0, even);
      let start = 0;
      for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
        yield rest.slice(start, nl);
        start = nl + 1;
      }
      rest = rest.slice(start);
    }
  }

  dispose(): void {
    this.buffer = null;
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    if (!this.buffer || this.used === 0) return;
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(bytes: Buffer): void {
    let offset = 0;
    while (offset < bytes.length) {
      offset += writeSync(this.fd, bytes, offset, bytes.length - offset, this.written + offset);
    }
    this.written += bytes.length;
  }
}

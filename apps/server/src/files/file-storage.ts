import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { SNIFF_BYTES } from './sniff-file-type.js';

/** A file written to the temp area while it was hashed: move it into place with `storeBlob` or drop it. */
export type SpooledFile = { tempPath: string; size: number; sha256: string; head: Buffer };

/** Thrown when the bytes go over the limit while they stream in. */
export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${String(limit)} bytes`);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Content-addressed blobs under `<dataDir>/files`: the bytes of SHA-256 `abcd…` live at `files/ab/abcd…`, so identical
 * content is stored once whoever uploads it, and no user input ever reaches a disk path (RELIABILITY I6).
 */
export class FileStorage {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'files');
  }

  /** The storage key (`ab/abcd…`) of a hash. */
  static keyOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return `${sha256.slice(0, 2)}/${sha256}`;
  }

  private pathOf(key: string): string {
    const [prefix, hash] = key.split('/');
    if (!prefix || !hash || !SHA256_HEX.test(hash) || hash.slice(0, 2) !== prefix) throw new Error('bad storage key');
    return join(this.root, prefix, hash);
  }

  /**
   * Streams `source` to a temp file beside the store, hashing and counting as it goes; more than `limit` bytes (or a
   * source flagged `truncated`, as busboy does at its own limit) is FileTooLargeError and leaves nothing behind.
   */
  async spool(source: Readable & { truncated?: boolean }, limit: number): Promise<SpooledFile> {
    const tempDir = join(this.root, 'tmp');
    await mkdir(tempDir, { recursive: true });
    const tempPath = join(tempDir, `${randomUUID()}.part`);
    const out = createWriteStream(tempPath, { flags: 'wx' });
    const hash = createHash('sha256');
    const headParts: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    // A disk error (ENOSPC…) is kept and rethrown from the loop: an unheard 'error' event would crash the process.
    let failed: Error | undefined;
    out.on('error', (error) => {
      failed = error;
    });
    try {
      for await (const chunk of source) {
        if (failed) throw failed;
        const bytes = chunk as Buffer;
        size += bytes.length;
        if (size > limit || source.truncated) throw new FileTooLargeError(limit);
        hash.update(bytes);
        if (headLength < SNIFF_BYTES) {
          headParts.push(bytes.subarray(0, SNIFF_BYTES - headLength));
          headLength += Math.min(bytes.length, SNIFF_BYTES - headLength);
        }
        if (!out.write(bytes)) await once(out, 'drain');
      }
      if (source.truncated) throw new FileTooLargeError(limit);
      out.end();
      await finished(out);
    } catch (error) {
      out.destroy();
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, size, sha256: hash.digest('hex'), head: Buffer.concat(headParts) };
  }

  /** Moves a spooled file to its content address (or drops it when those bytes are already stored); its key. */
  async storeBlob(spooled: SpooledFile): Promise<string> {
    const key = FileStorage.keyOf(spooled.sha256);
    const target = this.pathOf(key);
    try {
      if (await exists(target)) return key;
      await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
      // rename is atomic: a reader sees the whole blob or none. Two concurrent identical uploads write equal bytes.
      await rename(spooled.tempPath, target);
      return key;
    } finally {
      await rm(spooled.tempPath, { force: true });
    }
  }

  async discard(spooled: SpooledFile): Promise<void> {
    await rm(spooled.tempPath, { force: true });
  }

  /** A read stream of a stored blob, or undefined when the bytes are missing. */
  async open(key: string): Promise<{ stream: ReadStream; size: number } | undefined> {
    const path = this.pathOf(key);
    try {
      const info = await stat(path);
      return { stream: createReadStream(path), size: info.size };
    } catch {
      return undefined;
    }
  }

  /** Whether a blob is on disk (tests and diagnostics). */
  async has(key: string): Promise<boolean> {
    return exists(this.pathOf(key));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first row holding each key, for 查重 within a file of up to millions of rows: keys are kept as 64-bit hashes
 * (two independent 32-bit FNV-1a passes) in typed arrays, about 24 bytes per key instead of ~100 for a Map of
 * strings. Two different keys collide with probability ~n²/2⁶⁵ (1e-8 for a million keys): then the later row is
 * reported as a duplicate of the earlier one.
 */
export class KeyRows {
  private hashes = new Uint32Array(2 * 1024);
  private rows = new Int32Array(1024);
  private size = 0;

  /** The row remembered for `key`, if any. */
  get(key: string): number | undefined {
    const [a, b] = hash(key);
    const mask = this.rows.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const row = this.rows[slot]!;
      if (row === 0) return undefined;
      if (this.hashes[2 * slot] === a && this.hashes[2 * slot + 1] === b) return row;
    }
  }

  /** Remembers `row` (1-based) for `key`, unless the key already has one. */
  set(key: string, row: number): void {
    if ((this.size + 1) * 2 > this.rows.length) this.grow();
    this.place(...hash(key), row);
  }

  private place(a: number, b: number, row: number): void {
    const mask = this.rows.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      if (this.rows[slot] === 0) {
        this.hashes[2 * slot] = a;
        this.hashes[2 * slot + 1] = b;
        this.rows[slot] = row;
        this.size += 1;
        return;
      }
      if (this.hashes[2 * slot] === a && this.hashes[2 * slot + 1] === b) return;
    }
  }

  private grow(): void {
    const { hashes, rows } = this;
    this.hashes = new Uint32Array(hashes.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    this.size = 0;
    for (let slot = 0; slot < rows.length; slot++) {
      if (rows[slot] !== 0) this.place(hashes[2 * slot]!, hashes[2 * slot + 1]!, rows[slot]!);
    }
  }
}

function hash(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 13;
  a = Math.imul(a, 0x85ebca6b) >>> 0;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35) >>> 0;
  return [a, b];
}

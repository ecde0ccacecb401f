import { randomFillSync } from 'node:crypto';

const POOL_IDS = 4096;

/**
 * A source of UUIDv7 ids for bulk writes: the same layout as `uuidV7` (48-bit Unix milliseconds, 12-bit counter,
 * 62 random bits; strictly increasing per source) but the random bits come from a pool refilled every 4,096 ids,
 * which makes an id about ten times cheaper than one `randomBytes` call each.
 */
export function createIdSource(): (nowMs: number) => string {
  const pool = Buffer.alloc(16 * POOL_IDS);
  let next = POOL_IDS;
  let lastMs = -1;
  let counter = 0;
  return (now) => {
    if (next === POOL_IDS) {
      randomFillSync(pool);
      next = 0;
    }
    const at = next * 16;
    next += 1;
    let ms = Math.max(now, lastMs);
    if (ms === lastMs) {
      counter += 1;
      if (counter > 0xfff) {
        ms += 1;
        counter = (pool[at + 6] ?? 0) & 0x3ff;
      }
    } else {
      counter = (((pool[at + 6] ?? 0) << 8) | (pool[at + 7] ?? 0)) & 0x3ff;
    }
    lastMs = ms;
    for (let i = 5, t = ms; i >= 0; i -= 1, t = Math.floor(t / 256)) pool[at + i] = t % 256;
    pool[at + 6] = 0x70 | (counter >> 8);
    pool[at + 7] = counter & 0xff;
    pool[at + 8] = ((pool[at + 8] ?? 0) & 0x3f) | 0x80;
    const hex = pool.toString('hex', at, at + 16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

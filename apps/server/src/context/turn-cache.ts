import type { Store } from '@formflow/store';

/**
 * What the requests that arrive together share: the caller behind an API key or session, and a form's live
 * definition head, read once per turn of the event loop instead of once per request. Under load dozens of
 * requests are parsed in one turn; each read cost a SQLite read transaction (~10 µs of a ~110 µs create).
 *
 * It never serves anything a later request must not see (RELIABILITY H7, "no cache window"):
 * - entries live until the next `setImmediate` callback: the end of the loop iteration that read them (or of the
 *   next one, when read during the check phase), never longer;
 * - every request first calls `revalidate()`, which drops everything when another connection (a CLI command,
 *   another process) committed since the entries were read: SQLite's `PRAGMA data_version`;
 * - every write route of this process that is not a record write calls `clear()` before it answers
 *   (`registerTurnCacheClearing`), so a suspension, a revoked key or a publish is seen by the next request.
 * A request that reuses an entry began while the change it misses had not yet answered: the two were concurrent.
 */
export class TurnCache {
  private readonly entries = new Map<string, unknown>();
  private expiryScheduled = false;
  private dataVersion: number | undefined;
  private readonly readDataVersion: () => number;
  private readonly expire = (): void => {
    this.expiryScheduled = false;
    this.entries.clear();
  };

  /** `endOfTurn` runs a callback once this turn's requests are parsed (tests pass their own, to end turns by hand). */
  constructor(
    store: Pick<Store, 'db'>,
    private readonly endOfTurn: (callback: () => void) => void = setImmediate,
  ) {
    const statement = store.db.prepare<[], number>('PRAGMA data_version').pluck();
    this.readDataVersion = () => statement.get() as number;
  }

  /** The value for `key` read in this turn, else `read()` (kept for this turn unless undefined or null). */
  get<T>(key: string, read: () => T | null | undefined): T | null | undefined {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    // Read before the value, so a commit by another connection in between shows at the next `revalidate()`.
    if (this.entries.size === 0) this.dataVersion = this.readDataVersion();
    const value = read();
    if (value === null || value === undefined) return value;
    this.entries.set(key, value);
    if (!this.expiryScheduled) {
      this.expiryScheduled = true;
      this.endOfTurn(this.expire);
    }
    return value;
  }

  /** Drops every entry when another connection committed since they were read. Call once per request. */
  revalidate(): void {
    if (this.entries.size > 0 && this.readDataVersion() !== this.dataVersion) this.entries.clear();
  }

  /** Drops every entry (this process changed members, keys, sessions, forms or apps). */
  clear(): void {
    this.entries.clear();
  }
}

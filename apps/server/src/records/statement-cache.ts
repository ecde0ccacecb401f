import type { Statement as BetterSqliteStatement } from 'better-sqlite3';
import type { Store } from '@formflow/store';

type Database = Store['db'];

/** A prepared statement of the store's connection (better-sqlite3) taking positional parameters. */
export type Statement = BetterSqliteStatement<unknown[], unknown>;

/** Prepares SQL that takes positional parameters. */
export const prepare = (db: Database, sql: string): Statement => db.prepare<unknown[], unknown>(sql);

/**
 * Prepared statements by SQL text, per connection, least recently used evicted. The query builders emit the same
 * text for the same shape of request (values are parameters), so a hot list or aggregate is prepared once.
 */
export class StatementCache {
  private readonly byDb = new WeakMap<Database, Map<string, Statement>>();

  constructor(private readonly capacity: number) {}

  get(db: Database, sql: string): Statement {
    let map = this.byDb.get(db);
    if (!map) this.byDb.set(db, (map = new Map()));
    let statement = map.get(sql);
    if (statement) {
      map.delete(sql);
    } else {
      statement = prepare(db, sql);
      if (map.size >= this.capacity) map.delete(map.keys().next().value as string);
    }
    map.set(sql, statement);
    return statement;
  }
}

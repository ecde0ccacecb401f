import { RecordLinkRepository } from '@formflow/store';
import type { ServerContext } from '../context/server-context.js';

const byConnection = new WeakMap<object, RecordLinkRepository>();

/** The link index over the context's database (one per connection, statements prepared once). */
export function linkIndex(ctx: ServerContext): RecordLinkRepository {
  let links = byConnection.get(ctx.store.db);
  if (!links) {
    links = new RecordLinkRepository(ctx.store.db);
    byConnection.set(ctx.store.db, links);
  }
  return links;
}

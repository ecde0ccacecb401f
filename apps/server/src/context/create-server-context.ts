import { dirname, join } from 'node:path';
import { fieldRegistry } from '@formflow/engine';
import {
  AppRepository,
  AuthRepository,
  DirectoryRepository,
  FileRepository,
  FormRepository,
  type Store,
  WriterLock,
} from '@formflow/store';
import { GroupCommit } from '../records/group-commit.js';
import { DefinitionCache } from './definition-cache.js';
import type { ServerContext } from './server-context.js';
import { TurnCache } from './turn-cache.js';

export function createServerContext(
  store: Store,
  options: {
    dataDir?: string | undefined;
    now?: (() => Date) | undefined;
    writerLock?: WriterLock | undefined;
  } = {},
): ServerContext {
  const now = options.now ?? (() => new Date());
  const forms = new FormRepository(store.db, now);
  const apps = new AppRepository(store.db, now);
  const turn = new TurnCache(store);
  const writerLock = options.writerLock ?? new WriterLock();
  return {
    store,
    auth: new AuthRepository(store.db),
    forms,
    apps,
    directory: new DirectoryRepository(store.db),
    files: new FileRepository(store.db, now),
    registry: fieldRegistry,
    definitions: new DefinitionCache(forms, apps, turn),
    writes: new GroupCommit(store.db, { lock: writerLock }),
    writerLock,
    turn,
    dataDir: options.dataDir ?? join(dirname(store.path), 'files-and-imports'),
    now,
  };
}

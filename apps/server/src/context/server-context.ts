import type { FieldRegistry } from '@formflow/engine';
import type {
  AppRepository,
  AuthRepository,
  DirectoryRepository,
  FileRepository,
  FormRepository,
  Store,
  WriterLock,
} from '@formflow/store';
import type { GroupCommit } from '../records/group-commit.js';
import type { DefinitionCache } from './definition-cache.js';
import type { TurnCache } from './turn-cache.js';

/**
 * Everything a route needs, built once per server by `createServerContext`. Routes get it as an argument (no
 * globals), so tests can build a server over any store.
 */
export type ServerContext = {
  store: Store;
  auth: AuthRepository;
  forms: FormRepository;
  apps: AppRepository;
  directory: DirectoryRepository;
  /** Uploaded files' metadata (the bytes live under dataDir/files). */
  files: FileRepository;
  registry: FieldRegistry;
  /** Published form definitions and app permission groups, cached by version (they are immutable per version). */
  definitions: DefinitionCache;
  /** Where uploaded files and import spools live (`<FORMFLOW_DATA_DIR>/files`, `…/imports`). */
  dataDir: string;
  /** Single-record writes share one commit per event-loop turn (group commit). */
  writes: GroupCommit;
  /** Taken by each group-commit batch and each import transaction (worker threads share its buffer). */
  writerLock: WriterLock;
  /** Callers and form heads read once per event-loop turn (see `TurnCache` for why that is never stale). */
  turn: TurnCache;
  now: () => Date;
};

// A child process that runs one import job (in its worker thread) and is SIGKILLed by the restart test.
// argv: JSON of { dbPath, csvPath, workspaceId, memberId, formVersion }.
import { register } from 'node:module';

register('../ts-hooks.mjs', import.meta.url);
await import(new URL('./kill-child-main.ts', import.meta.url).href);

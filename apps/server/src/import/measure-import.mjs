// Local measurement of the import (not a test; the formal benchmark is bench/server):
//   node apps/server/src/import/measure-import.mjs [rows=100000] [allOrNothing|validRowsOnly] [--inline]
// Loads the TypeScript sources through ts-hooks.mjs, like the import worker does.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
await import(new URL('./measure-import-main.ts', import.meta.url).href);

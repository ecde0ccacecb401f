// Entry of the import worker thread. Built output runs import-worker.js directly; from TypeScript sources (tests,
// development, tsx) the worker registers ts-hooks.mjs first, because a worker thread does not inherit the loader
// of vitest or of tsx's register() API.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const compiled = new URL('./import-worker.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  register('./ts-hooks.mjs', import.meta.url);
  await import(new URL('./import-worker.ts', import.meta.url).href);
}

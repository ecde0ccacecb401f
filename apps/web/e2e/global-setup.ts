import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';

/** Builds the web app once per run into a private folder (parallel runs never share a dist). */
export async function setup(project: TestProject) {
  const out = mkdtempSync(join(tmpdir(), 'formflow-web-'));
  const root = fileURLToPath(new URL('..', import.meta.url));
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('webRoot', out);
  return () => rmSync(out, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    webRoot: string;
  }
}

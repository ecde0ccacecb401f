// Module hooks that let the import worker thread load the TypeScript sources (NodeNext style: `./x.js` imports of
// `./x.ts` files, workspace packages exporting `src/index.ts`). Each file is transformed by esbuild (types removed,
// nothing bundled) and the output cached on disk by path, mtime and size, so a worker starts in about a second.
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform, version } from 'esbuild';

const cacheDir = join(tmpdir(), `formflow-ts-cache-${process.getuid?.() ?? 0}`);
await mkdir(cacheDir, { recursive: true, mode: 0o700 });
// Use the cache only when it is our own private folder (another user could have created it first).
const dirInfo = await lstat(cacheDir);
const useCache =
  dirInfo.isDirectory() &&
  (process.getuid === undefined || dirInfo.uid === process.getuid()) &&
  (dirInfo.mode & 0o077) === 0;

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const info = await stat(path);
  const key = createHash('sha256').update(`${version}\0${path}\0${info.mtimeMs}\0${info.size}`).digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  if (useCache) {
    try {
      return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
    } catch {
      // not cached yet
    }
  }
  const out = await transform(await readFile(path, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: path,
    sourcemap: 'inline',
  });
  if (useCache) {
    const temp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temp, out.code, { mode: 0o600 });
    await rename(temp, cached);
  }
  return { format: 'module', source: out.code, shortCircuit: true };
}

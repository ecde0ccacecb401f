import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** Builds apps/web into a private folder (what the server serves in production). */
export async function buildWebApp(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'formflow-bench-web-'));
  const root = fileURLToPath(new URL('../../../apps/web', import.meta.url));
  await build({ root, logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
  return out;
}

/**
 * The bare baseline for page weight: a React 19 page that renders one form with five inputs and nothing else,
 * built by the same Vite in the same run. Its gzip JS size is what any React page costs.
 */
export async function bareReactJsGzip(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'formflow-bench-bare-react-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="/src/main.js"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'src', 'main.js'),
    `import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
function Form() {
  const [v, setV] = useState({});
  return h('form', null, ['name', 'phone', 'email', 'company', 'note'].map((k) =>
    h('label', { key: k }, k, h('input', { value: v[k] ?? '', onChange: (e) => setV({ ...v, [k]: e.target.value }) }))));
}
createRoot(document.getElementById('root')).render(h(Form));
`,
  );
  const out = join(dir, 'dist');
  const reactDir = fileURLToPath(new URL('../node_modules', import.meta.url));
  await build({
    root: dir,
    logLevel: 'silent',
    resolve: { alias: { react: join(reactDir, 'react'), 'react-dom': join(reactDir, 'react-dom') } },
    build: { outDir: out, emptyOutDir: true },
  });
  const assets = join(out, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
}

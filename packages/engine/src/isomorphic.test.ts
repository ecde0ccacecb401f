/**
 * "Same logic everywhere" (DESIGN.md §2, §5): the engine bundles for the browser with no Node built-in, and the bundle
 * validates a record in a bare JavaScript context that has no `process`, `require`, `Buffer` or file system.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('./index.ts', import.meta.url));

describe('the engine is isomorphic', () => {
  it('bundles for the browser (no Node built-ins) and keeps the China region list out of the main chunk', async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      splitting: true,
      outdir: 'out',
      write: false,
      minify: true,
      charset: 'utf8',
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => p.startsWith('node:') || /(^|\/)node_modules\/(fs|path|os)\//.test(p))).toEqual([]);
    const main = result.outputFiles.find((f) => /\/index\.js$/.test(f.path))!;
    const regions = result.outputFiles.filter((f) => f !== main && f.text.includes('门头沟区'));
    expect(regions.length).toBeGreaterThan(0);
    expect(main.text.includes('门头沟区')).toBe(false); // a district only the region data names
    // Recorded for the public-form budget of the web issue (≤ 250 KB gzip for the whole page).
    console.log(`engine main chunk: ${(gzipSync(main.text).length / 1024).toFixed(1)} KB gzip`);
  });

  it('validates a record inside a context without Node globals', async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'FormflowEngine',
      write: false,
      logLevel: 'silent',
    });
    const context = vm.createContext({ crypto: globalThis.crypto });
    vm.runInContext(result.outputFiles[0]!.text, context);
    const probe = vm.runInContext(
      `({
        process: typeof process, require: typeof require, Buffer: typeof Buffer,
        result: FormflowEngine.validateRecord(
          { id: 'f', name: 'F', fields: [
            { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true },
            { id: 'amount', type: 'money', label: '金额' },
            { id: 'due', type: 'date', label: '到期' } ] },
          { amount: '12abc', due: '2027-02-30' },
          { registry: FormflowEngine.fieldRegistry }),
        today: FormflowEngine.evaluateForm(
          { id: 'g', name: 'G', fields: [{ id: 'd', type: 'formula', label: 'd', settings: { formula: { today: [] }, resultType: 'date' } }] },
          {}, { now: new Date('2025-03-01T16:30:00Z'), timezone: 'Asia/Shanghai' }).values.d,
      })`,
      context,
    );
    expect(probe.process).toBe('undefined');
    expect(probe.require).toBe('undefined');
    expect(probe.Buffer).toBe('undefined');
    expect(probe.result.ok).toBe(false);
    expect(probe.result.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'amount:TYPE_MISMATCH',
      'due:INVALID_FORMAT',
      'name:REQUIRED',
    ]);
    expect(probe.today).toBe('2025-03-02');
  });
});

/**
 * Measures one import of a generated CSV (N rows × 15 fields of a CRM-like form) into a fresh database, through
 * `runImportJob` (a worker thread, as the server runs it) or `--inline` (this thread, for `node --cpu-prof`). Prints
 * rows/s on the wall clock and per CPU second, peak RSS of the process (main thread + worker) and the job's result.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormDef } from '@formflow/schema';
import { openStore } from '@formflow/store';
import { createServerContext } from '../context/create-server-context.js';
import { runImportJob } from './run-import-job.js';

const rows = Number(process.argv[2] ?? 100_000);
const mode = process.argv[3] === 'validRowsOnly' ? 'validRowsOnly' : 'allOrNothing';
const inline = process.argv.includes('--inline');

const options = (labels: string[]) => ({ options: labels.map((label, i) => ({ id: `o${i}`, label })) });
const form: FormDef = {
  id: 'deals',
  name: '商机',
  fields: [
    { id: 'title', type: 'text', label: '商机名称', required: true, unique: !process.env['MEASURE_NO_UNIQUE'] },
    { id: 'customer', type: 'text', label: '客户名称' },
    { id: 'contact', type: 'text', label: '联系人' },
    { id: 'phone', type: 'phone', label: '联系电话' },
    { id: 'email', type: 'email', label: '邮箱' },
    { id: 'stage', type: 'select', label: '阶段', settings: options(['线索', '洽谈', '报价', '赢单', '输单']) },
    { id: 'amount', type: 'money', label: '金额' },
    { id: 'probability', type: 'percent', label: '赢单率' },
    { id: 'close', type: 'date', label: '预计成交日期' },
    { id: 'vip', type: 'boolean', label: '重点客户' },
    { id: 'tags', type: 'multiselect', label: '标签', settings: options(['续约', '加急', '政企', '中小企业']) },
    { id: 'source', type: 'select', label: '来源', settings: options(['官网', '转介绍', '展会']) },
    { id: 'region', type: 'select', label: '区域', settings: options(['华东', '华南', '华北', '西部']) },
    { id: 'quantity', type: 'number', label: '数量' },
    { id: 'notes', type: 'textarea', label: '备注' },
  ],
};

const CITIES = ['深圳', '上海', '北京', '杭州', '广州', '成都'];
const TRADES = ['科技', '贸易', '电子', '物流', '医疗器械', '软件'];
const NOTES = ['客户对价格敏感，下周再跟进。', '需要上门演示, 联系人周三有空', 'Decision maker wants a PoC 😀', ''];

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    '\uFEFF商机名称,客户名称,联系人,联系电话,邮箱,阶段,金额,赢单率,预计成交日期,重点客户,标签,来源,区域,数量,备注\r\n',
  );
  for (let start = 0; start < rows; start += 1000) {
    let chunk = '';
    for (let i = start; i < Math.min(rows, start + 1000); i++) {
      const city = CITIES[i % CITIES.length]!;
      const note = NOTES[i % NOTES.length]!;
      chunk +=
        `${city}项目-${String(i).padStart(7, '0')},${city}${TRADES[i % TRADES.length]}有限公司,王${i % 100},` +
        `1${String(3800000000 + i).slice(0, 10)},buyer${i}@example.cn,${['线索', '洽谈', '报价', '赢单', '输单'][i % 5]},` +
        `"¥${(1000 + (i % 9000)).toLocaleString('en-US')}.50",${i % 100}%,2025/${(i % 12) + 1}/${(i % 28) + 1},` +
        `${i % 2 ? '是' : '否'},${i % 3 ? '续约、加急' : ''},官网,华东,${i % 500},"${note}"\r\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

const dir = mkdtempSync(join(tmpdir(), 'formflow-measure-import-'));
try {
  const store = openStore({ path: join(dir, 'formflow.db') });
  const ctx = createServerContext(store);
  const owner = await ctx.auth.createWorkspaceWithOwner({
    workspaceName: '测量',
    email: 'owner@measure.example.cn',
    password: 'correct horse battery staple',
  });
  if (!owner.ok) throw new Error('setup failed');
  const workspaceId = owner.workspace.id;
  if (!ctx.apps.createApp({ workspaceId, definition: { id: 'crm', name: 'CRM' }, actor: null }).ok)
    throw new Error('app');
  const created = ctx.forms.createForm({ workspaceId, appId: 'crm', definition: form, actor: null });
  if (!created.ok) throw new Error(`form: ${JSON.stringify(created)}`);
  const published = ctx.forms.publish({ workspaceId, formId: 'deals', actor: null });
  if (!published.ok) throw new Error('publish failed');
  const csv = join(dir, 'deals.csv');
  await writeCsv(csv);

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const phases = new Map<string, number>();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const job = await runImportJob({
    store,
    workspaceId,
    form: { formId: 'deals', version: published.published.version, definition: form },
    actor: owner.member.id,
    file: { path: csv, format: 'csv' },
    options: { mode },
    inline,
    ...(process.env['IMPORT_HEAP_MB']
      ? { workerLimits: { maxMemoryMb: Number(process.env['IMPORT_HEAP_MB']), timeoutMs: 3_600_000 } }
      : {}),
    onProgress: (p) => {
      if (!phases.has(p.phase)) phases.set(p.phase, performance.now() - started);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `${rows} rows, ${mode}${inline ? ', inline' : ''}: ${job.status}, imported ${job.rowsImported}, failed ${job.rowsFailed}`,
  );
  console.log(
    `wall ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s; CPU ${cpuSeconds.toFixed(1)} s = ` +
      `${Math.round(rows / cpuSeconds)} rows per CPU second; peak RSS ${Math.round(peak / 1048576)} MiB`,
  );
  console.log(`phases (s from start): ${[...phases].map(([p, t]) => `${p} ${(t / 1000).toFixed(1)}`).join(', ')}`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

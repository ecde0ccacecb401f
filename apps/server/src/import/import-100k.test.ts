import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv } from './import-csv.js';
import { CUSTOMER_FORM, ctx, recordCount, registry, target, tempStore } from './testing/import-fixtures.js';

const ROWS = 100_000;
const NOTES = ['华东区 重点客户 😀', 'مرحبا بالعالم', 'plain note, with comma', '多行\n备注', '👨‍👩‍👧 家庭'];

/** The CSV generated 1,000 rows at a time: the file never exists as one string. */
async function* generatedCsv(): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode('\uFEFF客户名称,金额,签约日期,备注,评分\r\n');
  for (let start = 0; start < ROWS; start += 1000) {
    let chunk = '';
    for (let i = start; i < start + 1000; i += 1) {
      const note = NOTES[i % NOTES.length] ?? '';
      chunk += `客户${i},"¥1,${String(i % 1000).padStart(3, '0')}.50",2025/${(i % 12) + 1}/${(i % 28) + 1},"${note}",${i % 100}\r\n`;
    }
    yield encoder.encode(chunk);
  }
}

let db: ReturnType<typeof tempStore>;
beforeEach(() => {
  db = tempStore();
});
afterEach(() => db.close());

describe('importCsv at volume', () => {
  it(`imports ${ROWS.toLocaleString('en')} generated rows in allOrNothing mode`, { timeout: 120_000 }, async () => {
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    let parsedAt = 0;
    const started = performance.now();
    const result = await importCsv(
      db.store,
      {
        ...target,
        form: CUSTOMER_FORM,
        registry,
        ctx,
        mode: 'allOrNothing',
        onProgress: (p) => {
          if (p.rowsDone === ROWS && parsedAt === 0) parsedAt = performance.now();
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
        },
      },
      generatedCsv(),
    );
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const ended = performance.now();
    const seconds = (ended - started) / 1000;
    expect(result).toMatchObject({ imported: ROWS, failed: 0 });
    expect(recordCount(db.store)).toBe(ROWS);
    console.log(
      `[import-100k] ${ROWS} rows in ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds)} rows/s, ` +
        `peak RSS ${Math.round(peakRss / 1024 / 1024)} MiB (${Math.round(startRss / 1024 / 1024)} MiB at start); ` +
        `final one-transaction write ${((ended - parsedAt) / 1000).toFixed(1)} s`,
    );
  });
});

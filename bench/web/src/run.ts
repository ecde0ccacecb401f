/**
 * Web benchmarks (issue 4): the real built app served by the real server, in Debian's chromium via playwright-core.
 *   pnpm bench:web [--records 100000] [--fields 200]
 * Prints markdown tables for docs/benchmarks.md. Baselines are measured in the same run: a bare React page's JS
 * (weight), a static page with the same number of inputs (designer), the server's own query time (grid).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from 'playwright-core';
import { startApiServer } from '@formflow/server/testing';
import { bareReactJsGzip, buildWebApp } from './build.js';
import { bigForm, contactsForm, dealsForm, seedDeals } from './seed.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const RECORDS = arg('records', 100_000);
const FIELDS = arg('fields', 200);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  console.log(`# Web benchmarks (${new Date().toISOString()})\n`);
  const webRoot = await buildWebApp();
  const bareGzip = await bareReactJsGzip();
  const server = await startApiServer({ webRoot });
  const browser = await chromium.launch({
    executablePath: process.env.FORMFLOW_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const appId = server.installApp(server.owner, {
      id: 'bench',
      name: 'Bench',
      forms: [dealsForm, contactsForm],
    });
    const created = await server.owner.request('POST', `/api/v1/apps/${appId}/forms`, bigForm(FIELDS));
    if (created.status !== 201) throw new Error(`big form: ${created.status} ${created.text}`);
    const link = await server.owner.request('POST', '/api/v1/forms/deals/public-links', {
      name: 'bench',
      fields: ['name', 'stage', 'amount', 'phone', 'email', 'closeDate', 'note'],
    });
    if (link.status !== 201) throw new Error(`public link: ${link.status} ${link.text}`);
    const t0 = Date.now();
    seedDeals(server, RECORDS);
    console.log(`Seeded ${RECORDS.toLocaleString('en')} deals in ${((Date.now() - t0) / 1000).toFixed(1)} s.\n`);

    const context = await browser.newContext({ baseURL: server.base, viewport: { width: 1366, height: 860 } });
    await context.addCookies([
      {
        name: server.owner.cookie.split('=')[0]!,
        value: server.owner.cookie.split('=').slice(1).join('='),
        url: server.base,
      },
    ]);

    // 1. Public form page weight.
    {
      const page = await browser.newPage({
        baseURL: server.base,
        viewport: { width: 390, height: 844 },
        isMobile: true,
      });
      const scripts: Promise<number>[] = [];
      page.on('response', (response: Response) => {
        if (response.request().resourceType() === 'script')
          scripts.push(response.body().then((b) => gzipSync(b).length));
      });
      const start = Date.now();
      await page.goto(`/f/${(link.body as { token: string }).token}`);
      await page.getByRole('button', { name: /submit|提交/i }).waitFor();
      const shown = Date.now() - start;
      const sizes = await Promise.all(scripts);
      const total = sizes.reduce((a, b) => a + b, 0);
      console.log('## Public form page (外链), phone viewport\n');
      console.log('| measure | Formflow | bare React page (baseline) | ratio | target |');
      console.log('|---|---:|---:|---:|---|');
      console.log(
        `| JS loaded, gzip | ${kb(total)} in ${sizes.length} files | ${kb(bareGzip)} | ${(total / bareGzip).toFixed(2)}× | ≤ 250 KB |`,
      );
      console.log(`| load → submit button shown | ${ms(shown)} | | | |\n`);
      await page.close();
    }

    // 2. Designer with a big form.
    {
      const runs: { shown: number; select: number; drag: number }[] = [];
      let bare = 0;
      for (let round = 0; round < 3; round++) {
        const page = await context.newPage();
        await page.goto(`/apps/${appId}/forms/checklist/design`);
        await page
          .locator('[data-testid="canvas-field"]')
          .nth(FIELDS - 1)
          .waitFor({ state: 'attached' });
        const shown = await page.evaluate(() => {
          const draft = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/draft'));
          return performance.now() - (draft ? (draft as PerformanceResourceTiming).responseEnd : 0);
        });
        const drag = await dragLag(page);
        // Select a field in the middle: the property panel shows its title.
        const middle = Math.floor(FIELDS / 2);
        const target = page.locator(`[data-field-id="f${middle}"]`);
        await target.scrollIntoViewIfNeeded();
        const before = await page.evaluate(() => performance.now());
        await target.click();
        await page
          .locator(`input[value="Check ${middle + 1}"]`)
          .first()
          .waitFor();
        const select = (await page.evaluate(() => performance.now())) - before;
        runs.push({ shown, select, drag });
        await page.close();
        const basePage = await context.newPage();
        bare += await staticInputs(basePage, FIELDS);
        await basePage.close();
      }
      console.log(`## Designer with ${FIELDS} fields (median of ${runs.length})\n`);
      console.log('| measure | Formflow | baseline: static page with the same inputs | target |');
      console.log('|---|---:|---:|---|');
      console.log(
        `| draft arrived → all ${FIELDS} fields on the canvas | ${ms(median(runs.map((r) => r.shown)))} | ${ms(bare / runs.length)} | ≤ 1 s |`,
      );
      console.log(`| click a field → its properties shown | ${ms(median(runs.map((r) => r.select)))} | | |`);
      console.log(
        `| drag-reorder: mouse up → new order on screen | ${ms(median(runs.map((r) => r.drag)))} | | no visible lag (< 100 ms) |\n`,
      );
    }

    // 3. Grid over the seeded records.
    {
      // In-app navigation: from the (empty) contacts grid, click "Deals" in the app's sidebar. Timed inside the page:
      // from the click event to the first row element in the DOM (a MutationObserver), so no driver latency counts.
      const inApp: number[] = [];
      for (let round = 0; round < 5; round++) {
        const page = await context.newPage();
        await page.goto(`/apps/${appId}/forms/contacts`);
        await page
          .getByText(/No data yet|暂无数据/)
          .first()
          .waitFor();
        await page.evaluate(() => {
          const w = window as unknown as { clickAt?: number; rowsAt?: number };
          document.addEventListener('click', () => (w.clickAt ??= performance.now()), { capture: true });
          new MutationObserver((_, observer) => {
            if (document.querySelector('[data-testid="grid"] [role="row"][data-record-id]')) {
              w.rowsAt = performance.now();
              observer.disconnect();
            }
          }).observe(document.body, { childList: true, subtree: true });
        });
        await page
          .getByRole('navigation', { name: 'Forms of this app' })
          .getByRole('link', { name: /Deals/ })
          .first()
          .click();
        await page.locator('[data-testid="grid"] [role="row"][data-record-id]').first().waitFor();
        inApp.push(
          await page.evaluate(() => {
            const w = window as unknown as { clickAt: number; rowsAt: number };
            return w.rowsAt - w.clickAt;
          }),
        );
        await page.close();
      }
      const results: { first: number; queries: number; fetched: number; serverMs: number }[] = [];
      for (let round = 0; round < 3; round++) {
        const page = await context.newPage();
        const queries: Promise<{ rows: number; ms: number }>[] = [];
        page.on('response', (response: Response) => {
          if (response.url().includes('/records/query')) {
            const timing = response.request().timing();
            queries.push(
              response.json().then((b: { records: unknown[] }) => ({
                rows: b.records.length,
                ms: timing.responseStart - timing.requestStart,
              })),
            );
          }
        });
        await page.goto(`/apps/${appId}/forms/deals`);
        await page.locator('[data-testid="grid"] [role="row"][data-record-id]').first().waitFor();
        const first = await page.evaluate(() => performance.now());
        // Scroll to 25 %, 50 %, 75 % and the end, waiting for rows each time.
        for (const fraction of [0.25, 0.5, 0.75, 1]) {
          await page.evaluate((f) => {
            const grid = document.querySelector('[data-testid="grid"]') as HTMLElement;
            let box: HTMLElement | null = grid;
            while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
            (box ?? grid).scrollTop = ((box ?? grid).scrollHeight - (box ?? grid).clientHeight) * f;
          }, fraction);
          await page.waitForTimeout(400);
        }
        const done = await Promise.all(queries);
        results.push({
          first,
          queries: done.length,
          fetched: done.reduce((a, q) => a + q.rows, 0),
          serverMs: median(done.map((q) => q.ms)),
        });
        await page.screenshot({ path: `/tmp/bench-web-grid-${round}.png` });
        await page.close();
      }
      console.log(
        `## Grid over ${RECORDS.toLocaleString('en')} records (median of ${results.length}; in-app navigation: median of ${inApp.length})\n`,
      );
      console.log('| measure | Formflow | baseline | target |');
      console.log('|---|---:|---:|---|');
      console.log(
        `| in-app navigation (click the form in the sidebar) → first rows on screen | ${ms(median(inApp))} | one page query at the server: ${ms(median(results.map((r) => r.serverMs)))} | ≤ 300 ms |`,
      );
      console.log(
        `| cold page load (HTML, JS, sign-in check) → first rows on screen | ${ms(median(results.map((r) => r.first)))} | | |`,
      );
      console.log(
        `| scroll to 25/50/75/100 %: query requests, rows fetched | ${median(results.map((r) => r.queries))} requests, ${median(results.map((r) => r.fetched)).toLocaleString('en')} rows | ${RECORDS.toLocaleString('en')} rows in the form | only visible pages |\n`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Drags the third canvas field above the first; answers ms from mouse up until the order on screen changed. */
async function dragLag(page: Page): Promise<number> {
  const fields = page.locator('[data-testid="canvas-field"]');
  const first = () => fields.first().getAttribute('data-field-id');
  const moving = await fields.nth(2).getAttribute('data-field-id');
  const from = await fields.nth(2).boundingBox();
  const to = await fields.nth(0).boundingBox();
  if (!from || !to) return NaN;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(8, to.height / 4), { steps: 10 });
  const t0 = await page.evaluate(() => performance.now());
  await page.mouse.up();
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="canvas-field"]')?.getAttribute('data-field-id') === id,
    moving,
  );
  const lag = (await page.evaluate(() => performance.now())) - t0;
  if ((await first()) !== moving) throw new Error('the drag did not reorder');
  return lag;
}

/** Baseline: a static page with `count` labelled inputs, from setContent to the last input laid out. */
async function staticInputs(page: Page, count: number): Promise<number> {
  const html = Array.from({ length: count }, (_, i) => `<label>Check ${i + 1} <input name="f${i}"></label>`).join('');
  const start = Date.now();
  await page.setContent(`<!doctype html><body>${html}</body>`);
  await page
    .locator('input')
    .nth(count - 1)
    .waitFor();
  return Date.now() - start;
}

await main();

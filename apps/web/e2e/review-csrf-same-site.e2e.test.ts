import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FormDef } from '@formflow/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

/**
 * Review finding: the session cookie is `SameSite=Lax` and the server checks neither `Origin` nor `Sec-Fetch-Site`.
 * SameSite only separates *sites* (scheme + registrable domain), not origins: another port on the same host, or a
 * sibling subdomain (wiki.corp.example next to forms.corp.example), is same-site, so the browser attaches the cookie
 * to its requests. JSON routes are safe (application/json needs a CORS preflight, text/plain is 415), but
 * - bodyless POSTs (publish, field delete/restore, record restore, import cancel, logout) and
 * - multipart routes (file upload, import preview/start)
 * are CORS "simple requests": a page on such an origin can fire them with `fetch(…, {mode:'no-cors',
 * credentials:'include'})` and the server acts as the signed-in member.
 * Expected: cookie-authenticated state-changing requests from another origin are refused (403), e.g. when
 * `Sec-Fetch-Site` is present and not `same-origin`/`none`, or `Origin` is present and not the server's own origin.
 */
const notes: FormDef = {
  id: 'notes',
  name: { en: 'Notes', 'zh-CN': '笔记' },
  fields: [
    { id: 'title', type: 'text', label: { en: 'Title', 'zh-CN': '标题' } },
    { id: 'secret', type: 'text', label: { en: 'Secret', 'zh-CN': '机密' } },
  ],
};

describe('review: CSRF from a same-site origin (another port on the same host)', () => {
  let stack: Stack;
  let attacker: Server;
  let attackerBase: string;

  beforeAll(async () => {
    stack = await startStack();
    stack.installApp(stack.owner, { id: 'kb', name: { en: 'KB', 'zh-CN': '知识库' }, forms: [notes] });
    const target = stack.base; // http://127.0.0.1:<port>
    const page = `<!doctype html><meta charset="utf-8"><body><script>
      const T = ${JSON.stringify(target)};
      const opts = { method: 'POST', mode: 'no-cors', credentials: 'include' };
      // The server's Cross-Origin-Resource-Policy hides each answer from this page (the fetch rejects), but the
      // request has already been acted on: only the side effects matter here.
      const fire = (url, init) => fetch(url, init).catch(() => undefined);
      (async () => {
        // 1. a bodyless POST: delete a field from the draft, then publish it
        await fire(T + '/api/v1/forms/notes/fields/secret/delete', opts);
        await fire(T + '/api/v1/forms/notes/publish', opts);
        // 2. a multipart POST: import a record as the victim
        const fd = new FormData();
        fd.append('options', JSON.stringify({ mode: 'validRowsOnly' }));
        fd.append('file', new Blob(['Title\\nplanted by csrf\\n'], { type: 'text/csv' }), 'x.csv');
        await fire(T + '/api/v1/forms/notes/imports', { ...opts, body: fd });
        document.title = 'done';
      })().catch(() => { document.title = 'done'; });
    </script>`;
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerBase = `http://127.0.0.1:${String((attacker.address() as AddressInfo).port)}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => attacker?.close(resolve));
    await stack?.close();
  });

  it('a page on another origin of the same site cannot change data with the member’s cookie', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto(attackerBase + '/');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('done');

    const live = await stack.owner.request('GET', '/api/v1/forms/notes');
    expect(live.status).toBe(200);
    const liveFields = (live.body.fields as { id: string; deleted?: boolean }[]).filter((f) => !f.deleted);
    expect
      .soft(
        liveFields.map((f) => f.id),
        'the field was deleted and published by a cross-origin page',
      )
      .toContain('secret');
    const draft = await stack.owner.request('GET', '/api/v1/forms/notes/draft');
    const draftSecret = (draft.body.definition.fields as { id: string; deleted?: boolean }[]).find(
      (f) => f.id === 'secret',
    );
    expect.soft(draftSecret?.deleted ?? false, 'the draft field was deleted by a cross-origin page').toBe(false);

    // The import runs as a background job: give it time to land before deciding it did not.
    let titles: (string | undefined)[] = [];
    for (let waited = 0; waited < 8000 && !titles.includes('planted by csrf'); waited += 500) {
      const records = await stack.owner.request('POST', '/api/v1/forms/notes/records/query', { limit: 50 });
      expect(records.status).toBe(200);
      titles = (records.body.records as { data: { title?: string } }[]).map((r) => r.data.title);
      if (!titles.includes('planted by csrf')) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect.soft(titles, 'a record was imported by a cross-origin page').not.toContain('planted by csrf');
  });
});

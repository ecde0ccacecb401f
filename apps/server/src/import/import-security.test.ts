import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDef, FieldDef, FormDef } from '@formflow/schema';
import { PNG, setupClaims, upload as uploadFile, type ClaimsSetup } from '../files/file-test-app.js';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';
import { pollJob, storedData, upload } from './testing/import-api.js';

/** Imports must refuse what the records API refuses: links to records the importer cannot view, others' files. */

const f = (id: string, type: FieldDef['type'], settings?: FieldDef['settings']): FieldDef => ({
  id,
  type,
  label: id,
  ...(settings ? { settings } : {}),
});

const customers: FormDef = {
  id: 'customers',
  name: '客户',
  fields: [f('name', 'text'), f('creditLimit', 'money'), f('creator', 'createdBy')],
};
const contracts: FormDef = {
  id: 'contracts',
  name: '合同',
  fields: [
    f('title', 'text'),
    f('customer', 'relation', { formId: 'customers' }),
    f('limit', 'lookup', { relationField: 'customer', field: 'creditLimit' }),
  ],
};
/** `note`: read-only to the submit group, writable to the edit group. */
const tasks: FormDef = {
  id: 'tasks',
  name: '任务',
  fields: [{ ...f('title', 'text'), unique: true }, f('note', 'text')],
};
/** A hidden default and a hidden formula over a visible field. */
const deals: FormDef = {
  id: 'deals',
  name: '商机',
  fields: [
    f('title', 'text'),
    f('price', 'number'),
    { ...f('secret', 'text'), defaultValue: 'TOPSECRET-DEFAULT' },
    f('margin', 'formula', { formula: { '*': [{ var: 'price' }, 7] }, resultType: 'number' }),
  ],
};

let server: ApiTestServer;
/** Submit + view on contracts only: no group on customers. */
let member: TestSession;
/** Also submit + view on the customers they created. */
let vera: TestSession;
/** Submit + view on deals, `secret` and `margin` hidden. */
let dealer: TestSession;
/** Submit on tasks with `note` read-only; edit on tasks with `note` writable. */
let tasker: TestSession;
let claims: ClaimsSetup;

beforeAll(async () => {
  server = await startApiServer();
  const workspaceId = server.owner.workspaceId;
  const role = (name: string) => {
    const created = server.ctx.directory.createRole({ workspaceId, name });
    if (!created.ok) throw new Error('role setup failed');
    return created.role.id;
  };
  const [contractRole, customerRole, dealRole, taskRole] = [
    role('合同员'),
    role('客户员'),
    role('商机员'),
    role('任务员'),
  ];
  const app: Omit<AppDef, 'forms'> & { forms: FormDef[] } = {
    id: 'sales',
    name: '销售',
    forms: [customers, contracts, deals, tasks],
    permissionGroups: [
      {
        id: 'contracts',
        formId: 'contracts',
        name: '合同',
        principals: [{ kind: 'role', id: contractRole }],
        actions: ['submit', 'view'],
        defaultFieldAccess: 'write',
      },
      {
        id: 'own-customers',
        formId: 'customers',
        name: '自己的客户',
        principals: [{ kind: 'role', id: customerRole }],
        actions: ['submit', 'view'],
        defaultFieldAccess: 'write',
        rowFilter: { field: 'creator', op: 'isCurrentMember' },
      },
      {
        id: 'deals',
        formId: 'deals',
        name: '商机',
        principals: [{ kind: 'role', id: dealRole }],
        actions: ['submit', 'view'],
        fields: { secret: 'hidden', margin: 'hidden' },
        defaultFieldAccess: 'write',
      },
      {
        id: 'task-submit',
        formId: 'tasks',
        name: '任务提交',
        principals: [{ kind: 'role', id: taskRole }],
        actions: ['submit'],
        fields: { note: 'read' },
        defaultFieldAccess: 'write',
      },
      {
        id: 'task-edit',
        formId: 'tasks',
        name: '任务修改',
        principals: [{ kind: 'role', id: taskRole }],
        actions: ['view', 'edit'],
        defaultFieldAccess: 'write',
      },
    ],
  };
  server.installApp(server.owner, app);
  member = await server.addMember({ name: 'M', roleIds: [contractRole] });
  vera = await server.addMember({ name: 'Vera', roleIds: [contractRole, customerRole] });
  dealer = await server.addMember({ name: 'Dealer', roleIds: [dealRole] });
  tasker = await server.addMember({ name: 'Tasker', roleIds: [taskRole] });
  claims = await setupClaims(server);
});
afterAll(async () => server.close());

async function createRecord(as: TestSession, formId: string, data: Record<string, unknown>): Promise<string> {
  const response = await as.request<{ id: string }>('POST', `/api/v1/forms/${formId}/records`, { data });
  expect(response.status, response.text).toBe(201);
  return response.body.id;
}

async function importAndWait(as: TestSession, formId: string, csv: string, options: Record<string, unknown>) {
  const started = await upload(as, formId, csv, 'import.csv', options);
  expect(started.status, started.text).toBe(202);
  const jobId = (started.body as { jobId: string }).jobId;
  const final = (await pollJob(as, jobId)).at(-1)!.body as Record<string, unknown>;
  const report = await as.request('GET', `/api/v1/imports/${jobId}/errors?format=json`);
  return { final, report };
}

describe('relation cells: only records the importer may view', { timeout: 60_000 }, () => {
  it('refuses a link to a customer of a form the importer has no group on (no credit limit leaks)', async () => {
    const customerId = await createRecord(server.owner, 'customers', { name: '大客户', creditLimit: 888888 });
    const { final, report } = await importAndWait(member, 'contracts', `title,customer\nx-leak,${customerId}\n`, {
      mode: 'validRowsOnly',
    });
    expect(final).toMatchObject({ status: 'succeeded', rowsImported: 0, rowsFailed: 1 });
    expect(report.body).toMatchObject({ rowsFailed: 1, errors: [{ row: 1, column: 'customer', fieldId: 'customer' }] });
    expect(report.text).not.toContain('888888');
    const stored = storedData(server, 'contracts');
    expect(stored.find((d) => d['title'] === 'x-leak')).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain('888888');
  });

  it('links to a customer inside the importer’s view rows, refuses one outside them (row filter)', async () => {
    const own = await createRecord(vera, 'customers', { name: '自己的客户', creditLimit: 5 });
    const others = await createRecord(server.owner, 'customers', { name: '别人的客户', creditLimit: 777777 });
    const ok = await importAndWait(vera, 'contracts', `title,customer\nmine,${own}\n`, { mode: 'allOrNothing' });
    expect(ok.final).toMatchObject({ status: 'succeeded', rowsImported: 1 });
    expect(storedData(server, 'contracts').find((d) => d['title'] === 'mine')).toMatchObject({
      customer: own,
      limit: 5,
    });
    const denied = await importAndWait(vera, 'contracts', `title,customer\ntheirs,${others}\n`, {
      mode: 'allOrNothing',
    });
    expect(denied.final).toMatchObject({ status: 'failed', rowsImported: 0, rowsFailed: 1 });
    expect(JSON.stringify(storedData(server, 'contracts'))).not.toContain('777777');
  });
});

describe('file columns cannot be imported', { timeout: 60_000 }, () => {
  it('400 FILES_NOT_IMPORTABLE naming the column: another member’s file ref in a cell is never attached', async () => {
    const bobs = await uploadFile(claims.bob, 'photos', PNG, 'bob-private.png');
    expect(bobs.status, JSON.stringify(bobs.body)).toBe(201);
    const ref = JSON.stringify([bobs.body]).replaceAll('"', '""');
    const csv = `title,photos\nsteal,"${ref}"\n`;
    const response = await upload(claims.alice, 'claims', csv, 'steal.csv', { mode: 'allOrNothing' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'FILES_NOT_IMPORTABLE',
      errors: [{ path: 'file.columns[1]', code: 'FILES_NOT_IMPORTABLE' }],
    });
    expect((response.body as { detail: string }).detail).toContain('photos');
    const holding = server.store.db
      .prepare(`SELECT count(*) AS n FROM records WHERE form_id = 'claims' AND data LIKE ?`)
      .get(`%${bobs.body.id}%`) as { n: number };
    expect(holding.n).toBe(0);
    expect((await claims.alice.request('GET', `/api/v1/files/${bobs.body.id}`)).status).not.toBe(200);
    // A sub-table with a file column is refused the same way; the preview lists both columns with the code.
    const preview = await upload(
      claims.alice,
      'claims',
      `title,photos,items\nx,"${ref}",[]\n`,
      'p.csv',
      undefined,
      'imports/preview',
    );
    expect(preview.status).toBe(200);
    const body = preview.body as {
      columns: { column: string; fieldId: string | null; error?: { code: string } }[];
      fields: { id: string }[];
      rows: { values?: Record<string, unknown> }[];
    };
    expect(body.columns.slice(1)).toEqual([
      expect.objectContaining({
        column: 'photos',
        fieldId: null,
        error: expect.objectContaining({ code: 'FILES_NOT_IMPORTABLE' }),
      }),
      expect.objectContaining({
        column: 'items',
        fieldId: null,
        error: expect.objectContaining({ code: 'FILES_NOT_IMPORTABLE' }),
      }),
    ]);
    expect(body.fields.map((x) => x.id)).not.toContain('photos');
    expect(body.rows[0]?.values).not.toHaveProperty('photos');
    // Ignoring the column imports the rest.
    const started = await upload(claims.alice, 'claims', csv, 'ok.csv', {
      mode: 'allOrNothing',
      mapping: { photos: null },
    });
    expect(started.status).toBe(202);
    const final = (await pollJob(claims.alice, (started.body as { jobId: string }).jobId)).at(-1)!.body;
    expect(final).toMatchObject({ status: 'succeeded', rowsImported: 1 });
    expect(storedData(server, 'claims').find((d) => d['title'] === 'steal')).not.toHaveProperty('photos');
  });
});

describe('preview shows only readable values', () => {
  it('a hidden field’s default and a hidden formula are not in the preview rows', async () => {
    const csv = 'title,price\nA,10\n';
    const mine = await upload(dealer, 'deals', csv, 'd.csv', undefined, 'imports/preview');
    expect(mine.status).toBe(200);
    const values = (mine.body as { rows: { values?: Record<string, unknown> }[] }).rows[0]?.values;
    expect(values).toEqual({ title: 'A', price: 10 });
    expect(mine.text).not.toContain('TOPSECRET-DEFAULT');
    expect(mine.text).not.toContain('"margin"');
    // The owner sees them: the preview does compute them.
    const owner = await upload(server.owner, 'deals', csv, 'd.csv', undefined, 'imports/preview');
    expect((owner.body as { rows: { values?: Record<string, unknown> }[] }).rows[0]?.values).toMatchObject({
      secret: 'TOPSECRET-DEFAULT',
      margin: 70,
    });
  });
});

describe('writable fields per action', { timeout: 60_000 }, () => {
  it('a created row may set only submit fields, a dedupe update may change the edit fields', async () => {
    await createRecord(server.owner, 'tasks', { title: 'B', note: 'old' });
    const { final, report } = await importAndWait(tasker, 'tasks', 'title,note\nA,new\nB,changed\nC,\n', {
      mode: 'validRowsOnly',
      dedupe: { field: 'title', onDuplicate: 'update' },
    });
    expect(final).toMatchObject({ status: 'succeeded', rowsImported: 1, rowsUpdated: 1, rowsFailed: 1 });
    expect(report.body).toMatchObject({
      errors: [{ row: 1, column: 'note', fieldId: 'note', code: 'READONLY_FIELD' }],
    });
    const stored = storedData(server, 'tasks');
    expect(stored.find((d) => d['title'] === 'A')).toBeUndefined();
    expect(stored.find((d) => d['title'] === 'B')).toMatchObject({ note: 'changed' });
    expect(stored.find((d) => d['title'] === 'C')).not.toHaveProperty('note');
  });
});

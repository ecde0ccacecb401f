import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue, StoredRecord } from '@formflow/store';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';
import { checkRelationTargets } from './check-relation-targets.js';
import { linkIndex } from './link-index.js';
import { MAX_PROPAGATION_DEPTH, propagateRelationChanges } from './propagate-relation-changes.js';
import { rebuildRecordLinks } from './rebuild-record-links.js';
import { contractsForm, customersForm, ordersForm, relationTestForms } from './relation-test-app.js';
import { deriveRelationValues } from './relation-values.js';

type View = { id: string; version: number; data: Record<string, JsonValue> };

let server: ApiTestServer;
let owner: TestSession;
let ws: string;

beforeAll(async () => {
  server = await startApiServer();
  owner = server.owner;
  ws = owner.workspaceId;
  server.installApp(owner, { id: 'crm', name: 'CRM', forms: relationTestForms });
});
afterAll(async () => {
  await server.close();
});

async function create(formId: string, data: Record<string, unknown>, as: TestSession = owner): Promise<View> {
  const response = await as.request<View>('POST', `/api/v1/forms/${formId}/records`, { data });
  expect(response.status, response.text).toBe(201);
  return response.body;
}
const stored = (id: string): StoredRecord => server.ctx.store.records.getRecord(ws, id, { includeDeleted: true })!;

/** A store-level change followed by propagation, in ONE transaction (what the records pipeline does). */
function changeAndPropagate(id: string, patch: Record<string, JsonValue>, after?: () => void) {
  const { ctx } = server;
  return ctx.store.db.transaction(() => {
    const current = stored(id);
    const live = ctx.definitions.liveForm(ws, current.formId)!;
    const updated = ctx.store.records.updateRecord({
      workspaceId: ws,
      id,
      expectedVersion: current.version,
      formVersion: live.version,
      patch,
      actor: owner.memberId,
    });
    if (!updated.ok) throw new Error(updated.reason);
    const result = propagateRelationChanges(ctx, ws, current.formId, id, owner.memberId);
    after?.();
    return result;
  })();
}

describe('propagateRelationChanges', () => {
  it('commits or rolls back with the write it follows', async () => {
    const customer = await create('customers', { name: '事务客户', phone: '13800000001' });
    const contract = await create('contracts', { customer: customer.id, amount: 10 });
    const before = { customer: stored(customer.id), contract: stored(contract.id) };
    expect(() =>
      changeAndPropagate(customer.id, { phone: '13800000002' }, () => {
        // Propagation did its work inside the transaction…
        expect(stored(contract.id).data['customerPhone']).toBe('13800000002');
        throw new Error('the write fails after propagation');
      }),
    ).toThrow(/fails after propagation/);
    // …and the failure took it back with the write: same data, same versions, no history entry.
    expect(stored(customer.id)).toEqual(before.customer);
    expect(stored(contract.id)).toEqual(before.contract);
    expect(server.ctx.store.records.listHistory(ws, contract.id)).toHaveLength(1);

    const result = changeAndPropagate(customer.id, { phone: '13800000002' });
    expect(result).toEqual({ updated: [contract.id], truncated: false });
    expect(stored(contract.id).data['customerPhone']).toBe('13800000002');
  });

  it('writes nothing when no derived value changes', async () => {
    const customer = await create('customers', { name: '静止客户', phone: '13800000003' });
    const contract = await create('contracts', { customer: customer.id, amount: 10 });
    expect(changeAndPropagate(customer.id, { name: '静止客户 2' })).toEqual({ updated: [], truncated: false });
    expect(stored(contract.id).version).toBe(contract.version);
  });

  it(`stops a chain after ${String(MAX_PROPAGATION_DEPTH)} levels and says so`, async () => {
    let parent = await create('nodes', { name: 'n0' });
    const chain = [parent];
    for (let i = 1; i <= MAX_PROPAGATION_DEPTH + 2; i++) {
      parent = await create('nodes', { name: `n${String(i)}`, parent: parent.id });
      chain.push(parent);
    }
    expect(chain.at(-1)!.data['label']).toBe('n0');
    const result = changeAndPropagate(chain[0]!.id, { name: 'root', label: 'root' });
    expect(result.truncated).toBe(true);
    expect(result.updated).toEqual(chain.slice(1, MAX_PROPAGATION_DEPTH + 1).map((n) => n.id));
    expect(stored(chain[MAX_PROPAGATION_DEPTH]!.id).data['label']).toBe('root');
    expect(stored(chain[MAX_PROPAGATION_DEPTH + 1]!.id).data['label']).toBe('n0');
  });

  it('ends a cycle whose values would never settle', async () => {
    const a = await create('nodes', { name: 'a' });
    const b = await create('nodes', { name: 'b', parent: a.id });
    expect(b.data['depth']).toBe(2);
    // a → b → a: depth = parent's depth + 1 grows on every turn; the depth limit ends it.
    const response = await owner.request<View>(
      'PATCH',
      `/api/v1/records/${a.id}`,
      { data: { parent: b.id } },
      {
        'if-match': `"${String(a.version)}"`,
      },
    );
    expect(response.status, response.text).toBe(200);
    const turns = stored(a.id).version - a.version + (stored(b.id).version - b.version);
    expect(turns).toBeGreaterThan(1);
    expect(turns).toBeLessThanOrEqual(MAX_PROPAGATION_DEPTH + 1);
  });

  it('repairs a stale link instead of deriving from it, and rebuilds the index of a form', async () => {
    const c1 = await create('customers', { name: '甲', phone: '13800000004' });
    const c2 = await create('customers', { name: '乙', phone: '13800000005' });
    const contract = await create('contracts', { customer: c1.id, amount: 1 });
    const links = linkIndex(server.ctx);
    links.setLinks(ws, contract.id, 'contracts', [
      { fieldKey: 'customer', toRecordId: c1.id },
      { fieldKey: 'customer', toRecordId: c2.id },
    ]);
    expect(changeAndPropagate(c2.id, { phone: '13800000006' }).updated).toEqual([]);
    expect(links.linksFrom(ws, contract.id)).toEqual([{ fieldKey: 'customer', toRecordId: c1.id }]);

    server.store.db.prepare('DELETE FROM record_links WHERE workspace_id = ?').run(ws);
    expect(links.linkersOf(ws, c1.id)).toEqual([]);
    expect(rebuildRecordLinks(server.ctx, ws, 'contracts')).toBeGreaterThan(0);
    expect(links.linkersOf(ws, c1.id)).toEqual([
      { fromRecordId: contract.id, fromFormId: 'contracts', fieldKey: 'customer' },
    ]);
    expect(changeAndPropagate(c1.id, { phone: '13800000007' }).updated).toEqual([contract.id]);
  });
});

describe('checkRelationTargets', () => {
  it('refuses ids of another workspace, another form, the recycle bin or nowhere, with paths and both languages', async () => {
    const other = await server.addWorkspace('另一家');
    server.installApp(other, { id: 'crm', name: 'CRM', forms: relationTestForms });
    const foreign = await create('customers', { name: '外部', phone: '13900000001' }, other);
    const mine = await create('customers', { name: '本家', phone: '13900000002' });
    const binned = await create('customers', { name: '已删', phone: '13900000003' });
    expect((await owner.request('DELETE', `/api/v1/records/${binned.id}`)).status).toBe(204);
    const contract = await create('contracts', { customer: mine.id, amount: 1 });
    const product = await create('products', { name: 'p', price: 1 });

    const check = (form: typeof contractsForm, data: Record<string, unknown>, existing?: Record<string, JsonValue>) =>
      checkRelationTargets(server.ctx, ws, form, data, existing ? { existing } : {});
    expect(check(contractsForm, { customer: mine.id })).toEqual([]);
    const [error] = check(contractsForm, { customer: foreign.id });
    expect(error).toMatchObject({
      fieldId: 'customer',
      path: 'customer',
      code: 'INVALID_VALUE',
      params: { reason: 'RELATION_TARGET_NOT_FOUND', recordId: foreign.id, formId: 'customers' },
    });
    expect(error!.message['zh-CN']).toBe(`「客户」关联的数据不存在或已删除：${foreign.id}`);
    expect(error!.message.en).toContain('does not exist');
    expect(check(contractsForm, { customer: contract.id }).map((e) => e.path)).toEqual(['customer']);
    expect(check(contractsForm, { customer: binned.id }).map((e) => e.path)).toEqual(['customer']);
    expect(
      check(customersForm, { contracts: [contract.id, 'nope', mine.id] }).map((e) => [e.path, e.params?.['recordId']]),
    ).toEqual([
      ['contracts[1]', 'nope'],
      ['contracts[2]', mine.id],
    ]);
    expect(
      check(ordersForm, { lines: [{ product: product.id }, { product: foreign.id }] }).map((e) => [e.fieldId, e.path]),
    ).toEqual([['lines', 'lines[1].product']]);
    // A link the record already holds is not checked again: a deleted customer never blocks an unrelated edit.
    expect(check(contractsForm, { customer: binned.id }, { customer: binned.id })).toEqual([]);
    const denied = checkRelationTargets(server.ctx, ws, contractsForm, { customer: mine.id }, { canLink: () => false });
    expect(denied).toHaveLength(1);
  });

  it('derives nothing from a record of another workspace', async () => {
    const other = await server.addWorkspace('第三家');
    server.installApp(other, { id: 'crm', name: 'CRM', forms: relationTestForms });
    const foreign = await create('customers', { name: '外部', phone: '13900000009' }, other);
    const derived = deriveRelationValues(server.ctx, ws, contractsForm, { customer: foreign.id, customerPhone: 'x' });
    expect(derived['customerPhone']).toBeNull();
  });
});

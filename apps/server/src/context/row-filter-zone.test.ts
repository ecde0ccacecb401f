import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer, type TestSession } from '../testing/api-test-server.js';

/**
 * Review finding #9: permission row filters are evaluated in the server's zone, never in a zone the caller names in
 * `X-Formflow-Timezone` (which still applies to the caller's own filters).
 */
let server: ApiTestServer;
let member: TestSession;
const NOW = new Date('2026-03-01T12:00:00Z'); // 20:00 on 1 March in Shanghai; 02:00 on 2 March in Kiritimati

beforeAll(async () => {
  server = await startApiServer({ now: () => NOW });
  const ws = server.owner.workspaceId;
  const role = server.ctx.directory.createRole({ workspaceId: ws, name: 'Today only' });
  if (!role.ok) throw new Error('role');
  server.installApp(server.owner, {
    id: 'ops',
    name: 'Ops',
    forms: [
      {
        id: 'tasks',
        name: 'Tasks',
        fields: [
          { id: 'title', type: 'text', label: 'Title' },
          { id: 'day', type: 'date', label: 'Day' },
        ],
      },
    ],
    permissionGroups: [
      {
        id: 'today',
        formId: 'tasks',
        name: 'Today',
        principals: [{ kind: 'role', id: role.role.id }],
        actions: ['view'],
        rowFilter: { field: 'day', op: 'isToday' },
      },
    ],
  });
  for (const [title, day] of [
    ['first', '2026-03-01'],
    ['second', '2026-03-02'],
  ]) {
    const created = await server.owner.request('POST', '/api/v1/forms/tasks/records', { data: { title, day } });
    if (created.status !== 201) throw new Error(created.text);
  }
  member = await server.addMember({ roleIds: [role.role.id] });
});
afterAll(async () => {
  await server.close();
});

const titles = (body: { records: { data: { title: string } }[] }) => body.records.map((r) => r.data.title);

describe('row filters in the server zone', () => {
  it('the caller sees the same rows whatever zone they name', async () => {
    const plain = await member.request('GET', '/api/v1/forms/tasks/records');
    const shifted = await member.request('GET', '/api/v1/forms/tasks/records', undefined, {
      'x-formflow-timezone': 'Pacific/Kiritimati',
    });
    expect(plain.status).toBe(200);
    expect(titles(plain.body)).toEqual(['first']);
    expect(titles(shifted.body)).toEqual(['first']);
  });

  it("the caller's zone still applies to the caller's own filter", async () => {
    const own = await server.owner.request(
      'POST',
      '/api/v1/forms/tasks/records/query',
      { filter: { field: 'day', op: 'isToday' } },
      { 'x-formflow-timezone': 'Pacific/Kiritimati' },
    );
    expect(own.status).toBe(200);
    expect(titles(own.body)).toEqual(['second']);
  });
});

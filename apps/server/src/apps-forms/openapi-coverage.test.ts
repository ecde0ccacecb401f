import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../testing/api-test-server.js';

let server: ApiTestServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => server.close());

describe('OpenAPI document', () => {
  it('describes every app, form, designer and directory route with its schemas', async () => {
    const response = await server.anonymous.request('GET', '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const paths = response.body.paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    const expected: [string, string][] = [
      ['/api/v1/apps', 'get'],
      ['/api/v1/apps', 'post'],
      ['/api/v1/apps/{appId}', 'get'],
      ['/api/v1/apps/{appId}', 'put'],
      ['/api/v1/apps/{appId}', 'delete'],
      ['/api/v1/apps/{appId}/forms', 'post'],
      ['/api/v1/forms/{formId}', 'get'],
      ['/api/v1/forms/{formId}', 'delete'],
      ['/api/v1/forms/{formId}/draft', 'get'],
      ['/api/v1/forms/{formId}/draft', 'put'],
      ['/api/v1/forms/{formId}/diff', 'get'],
      ['/api/v1/forms/{formId}/publish', 'post'],
      ['/api/v1/forms/{formId}/versions', 'get'],
      ['/api/v1/forms/{formId}/versions/{version}', 'get'],
      ['/api/v1/forms/{formId}/fields/{fieldId}/delete', 'post'],
      ['/api/v1/forms/{formId}/fields/{fieldId}/restore', 'post'],
      ['/api/v1/forms/{formId}/fields/{fieldId}/type-change', 'post'],
      ['/api/v1/workspace', 'get'],
      ['/api/v1/workspace', 'patch'],
      ['/api/v1/members', 'get'],
      ['/api/v1/members', 'post'],
      ['/api/v1/members/{memberId}', 'patch'],
      ['/api/v1/departments', 'get'],
      ['/api/v1/departments', 'post'],
      ['/api/v1/departments/{departmentId}', 'patch'],
      ['/api/v1/departments/{departmentId}', 'delete'],
      ['/api/v1/roles', 'get'],
      ['/api/v1/roles', 'post'],
      ['/api/v1/roles/{roleId}', 'patch'],
      ['/api/v1/roles/{roleId}', 'delete'],
    ];
    for (const [path, method] of expected) {
      const operation = paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation?.summary, `${method} ${path}`).toBeTruthy();
      expect(operation?.tags?.length, `${method} ${path}`).toBe(1);
    }
  });
});

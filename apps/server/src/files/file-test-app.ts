/** The app and sample bytes the file, export and public-link tests run against. Test support only. */
import type { AppDef, FormDef } from '@formflow/schema';
import type { ApiResponse, ApiTestServer, TestSession } from '../testing/api-test-server.js';

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 jpeg body')]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
/** A Windows program (MZ header): renamed `.png` it must be refused. */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
export const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/')]);
export const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
export const HTML = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');

/** A PNG of `size` bytes (valid header, padding after). */
export const pngOfSize = (size: number) => Buffer.concat([PNG, Buffer.alloc(Math.max(0, size - PNG.length), 7)]);

/** 报销: files of every kind, a sub-table with a file column, a hidden attachment, system fields. */
export const claimsForm: FormDef = {
  id: 'claims',
  name: { 'zh-CN': '报销单', en: 'Expense claims' },
  fields: [
    { id: 'title', type: 'text', label: { 'zh-CN': '标题', en: 'Title' }, required: true },
    { id: 'amount', type: 'money', label: { 'zh-CN': '金额', en: 'Amount' } },
    { id: 'photos', type: 'image', label: { 'zh-CN': '照片', en: 'Photos' }, settings: { maxFiles: 5, maxSizeMb: 1 } },
    {
      id: 'receipt',
      type: 'attachment',
      label: { 'zh-CN': '发票', en: 'Receipt' },
      settings: { accept: ['.pdf', 'image/*'] },
    },
    { id: 'files', type: 'attachment', label: { 'zh-CN': '附件', en: 'Files' } },
    { id: 'secret', type: 'attachment', label: { 'zh-CN': '内部附件', en: 'Internal files' } },
    { id: 'sign', type: 'signature', label: { 'zh-CN': '签名', en: 'Signature' } },
    {
      id: 'items',
      type: 'subtable',
      label: { 'zh-CN': '明细', en: 'Items' },
      settings: {
        fields: [
          { id: 'what', type: 'text', label: { 'zh-CN': '事项', en: 'What' } },
          { id: 'scan', type: 'attachment', label: { 'zh-CN': '扫描件', en: 'Scan' } },
        ],
      },
    },
    { id: 'creator', type: 'createdBy', label: { 'zh-CN': '提交人', en: 'Submitted by' } },
  ],
};

export type ClaimsSetup = {
  /** Staff: submit/view/edit their own claims; `secret` hidden. */
  alice: TestSession;
  bob: TestSession;
  /** Auditor: views every claim, `secret` hidden. */
  auditor: TestSession;
  /** In no group. */
  nobody: TestSession;
};

export async function setupClaims(server: ApiTestServer, extraForms: FormDef[] = []): Promise<ClaimsSetup> {
  const workspaceId = server.owner.workspaceId;
  const staff = server.ctx.directory.createRole({ workspaceId, name: 'Staff' });
  const audit = server.ctx.directory.createRole({ workspaceId, name: 'Audit' });
  if (!staff.ok || !audit.ok) throw new Error('role setup failed');
  const app: Omit<AppDef, 'forms'> & { forms: FormDef[] } = {
    id: 'expenses',
    name: '报销',
    forms: [claimsForm, ...extraForms],
    permissionGroups: [
      {
        id: 'staff',
        formId: 'claims',
        name: 'Staff',
        principals: [{ kind: 'role', id: staff.role.id }],
        actions: ['submit', 'view', 'edit'],
        fields: { secret: 'hidden' },
        rowFilter: { field: 'creator', op: 'isCurrentMember' },
      },
      {
        id: 'audit',
        formId: 'claims',
        name: 'Audit',
        principals: [{ kind: 'role', id: audit.role.id }],
        actions: ['view'],
        fields: { secret: 'hidden' },
      },
    ],
  };
  server.installApp(server.owner, app);
  return {
    alice: await server.addMember({ name: 'Alice', roleIds: [staff.role.id] }),
    bob: await server.addMember({ name: 'Bob', roleIds: [staff.role.id] }),
    auditor: await server.addMember({ name: 'Auditor', roleIds: [audit.role.id] }),
    nobody: await server.addMember({ name: 'Nobody' }),
  };
}

export type FileRefBody = { id: string; name: string; size: number; mime: string };

/** Uploads `bytes` as `name` for `field` of `formId` (multipart, one file part). */
export function upload(
  session: TestSession,
  field: string,
  bytes: Uint8Array,
  name: string,
  formId = 'claims',
  headers: Record<string, string> = {},
): Promise<ApiResponse<FileRefBody & { code?: string; errors?: { path: string; code: string }[] }>> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return session.request('POST', `/api/v1/forms/${formId}/files?field=${encodeURIComponent(field)}`, form, headers);
}

/** The form the public-link tests run against: exposed and unexposed fields, logic and layout. Test support only. */
import type { FormDef } from '@formflow/schema';
import type { ApiResponse, TestSession } from '../testing/api-test-server.js';

/** A public submission's answer: the created record's id, or a problem. */
export type SubmitAnswer = {
  id: string;
  submittedAt: string;
  message: string | null;
  code: string;
  detail: string;
  errors: { path: string; code: string; message: string }[];
};

export const signupForm: FormDef = {
  id: 'signup',
  name: { 'zh-CN': '活动报名', en: 'Event sign-up' },
  fields: [
    { id: 'name', type: 'text', label: { 'zh-CN': '姓名', en: 'Name' }, required: true },
    { id: 'phone', type: 'phone', label: { 'zh-CN': '手机', en: 'Mobile' } },
    { id: 'email', type: 'email', label: { 'zh-CN': '邮箱', en: 'Email' }, unique: true },
    { id: 'seats', type: 'number', label: { 'zh-CN': '人数', en: 'Seats' }, settings: { min: 1, max: 10 } },
    { id: 'photo', type: 'image', label: { 'zh-CN': '照片', en: 'Photo' } },
    { id: 'note', type: 'textarea', label: { 'zh-CN': '备注', en: 'Note' } },
    {
      id: 'tier',
      type: 'select',
      label: { 'zh-CN': '内部等级XYZ', en: 'Internal tier XYZ' },
      settings: {
        options: [
          { id: 'vip', label: 'VIP' },
          { id: 'std', label: 'Standard' },
        ],
      },
    },
    { id: 'score', type: 'number', label: { 'zh-CN': '内部评分QQQ', en: 'Internal score QQQ' } },
    { id: 'dossier', type: 'attachment', label: { 'zh-CN': '内部档案', en: 'Dossier' } },
    { id: 'owner', type: 'member', label: { 'zh-CN': '跟进人', en: 'Follow-up' } },
    { id: 'code', type: 'serial', label: { 'zh-CN': '报名编号', en: 'Number' }, settings: { prefix: 'S', digits: 3 } },
    { id: 'creator', type: 'createdBy', label: { 'zh-CN': '提交人', en: 'Submitted by' } },
    { id: 'created', type: 'createdAt', label: { 'zh-CN': '提交时间', en: 'Submitted at' } },
  ],
  layout: [
    { id: 'row1', fields: ['name', 'tier'] },
    { id: 'row2', fields: ['dossier', 'score'] },
    { id: 'row3', fields: ['phone', 'email'] },
  ],
  logic: [
    { id: 'vipNote', kind: 'visible', when: { '==': [{ var: 'tier' }, 'vip'] }, fields: ['note'] },
    { id: 'phoneIfSeats', kind: 'required', when: { '>': [{ var: 'seats' }, 2] }, fields: ['phone', 'score'] },
    {
      id: 'scoreCheck',
      kind: 'validate',
      when: { '<': [{ var: 'score' }, 100] },
      message: 'score QQQ too high',
      fields: ['score'],
    },
  ],
  settings: { submitMessage: { 'zh-CN': '报名成功！', en: 'You are signed up!' } },
};

export const EXPOSED = ['name', 'phone', 'email', 'seats', 'photo', 'note'];

export type LinkBody = {
  id: string;
  token: string;
  path: string;
  enabled: boolean;
  open: boolean;
  submissions: number;
};

export async function createLink(
  session: TestSession,
  body: Record<string, unknown> = { fields: EXPOSED },
): Promise<LinkBody> {
  const res = await session.request<LinkBody>('POST', '/api/v1/forms/signup/public-links', body);
  if (res.status !== 201) throw new Error(`link creation failed: ${res.text}`);
  return res.body;
}

export function submitPublic(
  session: TestSession,
  token: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<SubmitAnswer>> {
  return session.request('POST', `/api/v1/public/forms/${token}/records`, { data }, headers);
}

import type { AppDef, FormDef } from '@formflow/schema';
import { del, get, patch, post, put, query, upload } from './client.js';
import { forgetAllDrafts } from '../runtime/draft.js';
import type {
  AggregateRequest,
  AggregateResult,
  AppDetail,
  AppSummary,
  Comment,
  Department,
  FormDiff,
  FormDraft,
  FormRecord,
  HistoryEntry,
  ImportJobStatus,
  ImportOptions,
  ImportPreview,
  LiveForm,
  Me,
  Member,
  RecordData,
  RecordPage,
  RecordQuery,
  Role,
  UploadedFile,
} from './types.js';

const enc = encodeURIComponent;

/** Every server route the web uses, typed (docs/api/*.md). Add new routes here, one line each. */
export const endpoints = {
  auth: {
    me: () => get<Me>('/auth/me'),
    login: (email: string, password: string) => post<Me>('/auth/login', { email, password }),
    /** Signs out and forgets every unsent draft kept in this browser (a shared computer), even if the call fails. */
    logout: async () => {
      forgetAllDrafts();
      await post<void>('/auth/logout');
    },
  },
  workspace: {
    get: () => get<{ id: string; name: string }>('/workspace'),
  },
  directory: {
    members: () => get<{ members: Member[] }>('/members'),
    departments: () => get<{ departments: Department[] }>('/departments'),
    roles: () => get<{ roles: Role[] }>('/roles'),
  },
  apps: {
    list: () => get<{ apps: AppSummary[] }>('/apps'),
    get: (appId: string) => get<AppDetail>(`/apps/${enc(appId)}`),
    create: (app: Omit<AppDef, 'forms'> & { forms?: [] }) => post<AppDetail>('/apps', app),
    replace: (appId: string, app: Omit<AppDef, 'forms'>) => put<AppDetail>(`/apps/${enc(appId)}`, app),
    remove: (appId: string) => del<void>(`/apps/${enc(appId)}`),
  },
  forms: {
    live: (formId: string) => get<LiveForm>(`/forms/${enc(formId)}`),
    create: (appId: string, form: FormDef) => post<FormDraft>(`/apps/${enc(appId)}/forms`, form),
    draft: (formId: string) => get<FormDraft>(`/forms/${enc(formId)}/draft`),
    saveDraft: (formId: string, form: FormDef) => put<FormDraft>(`/forms/${enc(formId)}/draft`, form),
    diff: (formId: string) => get<FormDiff>(`/forms/${enc(formId)}/diff`),
    publish: (formId: string) =>
      post<{ formId: string; version: number; definition: FormDef }>(`/forms/${enc(formId)}/publish`),
    version: (formId: string, version: number) =>
      get<{ formId: string; version: number; definition: FormDef }>(`/forms/${enc(formId)}/versions/${version}`),
    deleteField: (formId: string, fieldId: string) =>
      post<FormDraft>(`/forms/${enc(formId)}/fields/${enc(fieldId)}/delete`),
    restoreField: (formId: string, fieldId: string) =>
      post<FormDraft>(`/forms/${enc(formId)}/fields/${enc(fieldId)}/restore`),
    changeType: (formId: string, fieldId: string, field: unknown, strategy: 'dryRun' | 'reject' | 'keepOriginal') =>
      post<Record<string, unknown>>(`/forms/${enc(formId)}/fields/${enc(fieldId)}/type-change`, { field, strategy }),
    remove: (formId: string) => del<void>(`/forms/${enc(formId)}`),
  },
  records: {
    query: (formId: string, body: RecordQuery, signal?: AbortSignal) =>
      post<RecordPage>(`/forms/${enc(formId)}/records/query`, body, { signal }),
    aggregate: (formId: string, body: AggregateRequest) =>
      post<AggregateResult>(`/forms/${enc(formId)}/aggregate`, body),
    get: (recordId: string) => get<FormRecord>(`/records/${enc(recordId)}`),
    create: (formId: string, data: RecordData) => post<FormRecord>(`/forms/${enc(formId)}/records`, { data }),
    update: (recordId: string, data: RecordData, version: number) =>
      patch<FormRecord>(`/records/${enc(recordId)}`, { data }, { ifMatch: version }),
    remove: (recordId: string) => del<void>(`/records/${enc(recordId)}`),
    restore: (recordId: string) => post<FormRecord>(`/records/${enc(recordId)}/restore`),
    history: (recordId: string) => get<{ entries: HistoryEntry[] }>(`/records/${enc(recordId)}/history`),
    restoreField: (recordId: string, fieldId: string, fromVersion: number, version: number) =>
      post<FormRecord>(`/records/${enc(recordId)}/history/restore`, { fieldId, fromVersion }, { ifMatch: version }),
    comments: (recordId: string) =>
      get<{ comments: Comment[] }>(`/records/${enc(recordId)}/comments${query({ limit: 100 })}`),
    addComment: (recordId: string, body: string) => post<Comment>(`/records/${enc(recordId)}/comments`, { body }),
    deleteComment: (commentId: string) => del<void>(`/comments/${enc(commentId)}`),
  },
  files: {
    upload: (formId: string, fieldId: string, file: File, onProgress?: (fraction: number) => void) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return upload<UploadedFile>(`/forms/${enc(formId)}/files${query({ field: fieldId })}`, form, onProgress);
    },
    url: (fileId: string) => `/api/v1/files/${enc(fileId)}`,
  },
  imports: {
    preview: (formId: string, file: File, options: ImportOptions, onProgress?: (fraction: number) => void) =>
      upload<ImportPreview>(`/forms/${enc(formId)}/imports/preview`, importForm(file, options), onProgress),
    start: (formId: string, file: File, options: ImportOptions, onProgress?: (fraction: number) => void) =>
      upload<{ jobId: string; status: string }>(`/forms/${enc(formId)}/imports`, importForm(file, options), onProgress),
    status: (jobId: string) => get<ImportJobStatus>(`/imports/${enc(jobId)}`),
    cancel: (jobId: string) => post<ImportJobStatus>(`/imports/${enc(jobId)}/cancel`),
    errorsUrl: (jobId: string) => `/api/v1/imports/${enc(jobId)}/errors?format=csv`,
  },
  exports: {
    /** `extra`: `filter=…&sort=…` (already encoded), passed through. */
    url: (formId: string, format: 'csv' | 'xlsx', extra?: string) =>
      `/api/v1/forms/${enc(formId)}/export?format=${format}${extra ? '&' + extra.replace(/^[?&]/, '') : ''}`,
  },
  publicLinks: {
    list: (formId: string) => get<PublicLink[]>(`/forms/${enc(formId)}/public-links`),
    create: (formId: string, body: { name?: string | null; fields: string[]; expiresAt?: string | null }) =>
      post<PublicLink>(`/forms/${enc(formId)}/public-links`, body),
    update: (
      linkId: string,
      body: { name?: string | null; fields?: string[]; enabled?: boolean; expiresAt?: string | null },
    ) => patch<PublicLink>(`/public-links/${enc(linkId)}`, body),
    remove: (linkId: string) => del<void>(`/public-links/${enc(linkId)}`),
  },
};

/** A public link (外链) of a form, as the manage routes answer it (docs/api/public-links.md). */
export type PublicLink = {
  id: string;
  formId: string;
  token: string;
  path: string;
  name: string | null;
  fields: string[];
  enabled: boolean;
  open: boolean;
  expiresAt: string | null;
  submissions: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

function importForm(file: File, options: ImportOptions): FormData {
  const form = new FormData();
  form.append('options', JSON.stringify(options));
  form.append('file', file, file.name);
  return form;
}

/** React Query keys, one place, so a mutation can invalidate exactly what it changed. */
export const keys = {
  me: ['me'] as const,
  apps: ['apps'] as const,
  app: (appId: string) => ['app', appId] as const,
  form: (formId: string) => ['form', formId] as const,
  draft: (formId: string) => ['draft', formId] as const,
  records: (formId: string) => ['records', formId] as const,
  record: (recordId: string) => ['record', recordId] as const,
  history: (recordId: string) => ['history', recordId] as const,
  comments: (recordId: string) => ['comments', recordId] as const,
  members: ['members'] as const,
  departments: ['departments'] as const,
};

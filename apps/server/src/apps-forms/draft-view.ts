import type { FormDraft } from '@formflow/store';

/** A form draft as the designer routes answer it. */
export const draftView = (draft: FormDraft) => ({
  formId: draft.formId,
  appId: draft.appId,
  publishedVersion: draft.publishedVersion,
  updatedAt: draft.updatedAt,
  definition: draft.definition,
});

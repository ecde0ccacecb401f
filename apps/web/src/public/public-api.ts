import type { FormDef } from '@formflow/schema';
import { get, post, upload } from '../api/client.js';
import type { RecordData, UploadedFile } from '../api/types.js';

const enc = encodeURIComponent;

/** `GET /public/forms/:token`: the live form restricted to the link's fields (docs/api/public-links.md). */
export type PublicForm = { name: string; expiresAt: string | null; form: FormDef };
export type PublicSubmission = { id: string; submittedAt: string; message: string | null };

/** The anonymous routes of a public link (外链); no session is needed or sent. */
export const publicApi = {
  form: (token: string) => get<PublicForm>(`/public/forms/${enc(token)}`),
  submit: (token: string, data: RecordData) => post<PublicSubmission>(`/public/forms/${enc(token)}/records`, { data }),
  upload: (token: string, fieldId: string, file: File, onProgress?: (fraction: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<UploadedFile>(`/public/forms/${enc(token)}/files?field=${enc(fieldId)}`, form, onProgress);
  },
};

import type { FormDef } from '@formflow/schema';
import type { RecordData } from '../api/types.js';

/**
 * CONTRACT (the runtime area replaces this placeholder, keeping the props): renders a form for filling or editing
 * with react-hook-form, the engine's resolver (validateRecord) and live logic (evaluateForm).
 */
export type FormRendererProps = {
  form: FormDef;
  /** Where uploads go (`/forms/:formId/files`); absent in the designer preview (uploads disabled). */
  formId?: string;
  /** 'submit' a new record, 'edit' an existing one, 'preview' in the designer (no submit to the server). */
  mode: 'submit' | 'edit' | 'preview';
  initialData?: RecordData;
  /** Field ids the caller may write (from `access.writable`); all when absent. */
  writable?: string[];
  /** Resolves when saved; rejects with ApiError (shown beside the fields) or NetworkError (draft kept, retried). */
  onSubmit?: (data: RecordData) => Promise<void>;
  /** Phone layout (one column); the designer preview forces it. */
  compact?: boolean;
  submitLabel?: string;
  /** Public form: uploads through the public link. */
  publicToken?: string;
};

export function FormRenderer(props: FormRendererProps) {
  return <div data-testid="form-renderer">{props.form.fields.length} fields</div>;
}

import type { FieldType, FieldDef } from '@formflow/schema';
import type { ComponentType, Ref } from 'react';
import type { UploadedFile } from '../../api/types.js';
import type { Language } from '../../i18n/current-language.js';
import type { RuntimeMode } from '../form-model.js';

/** A stored file as fields hold it (`{ id, name, size, mime }`). */
export type FileRef = { id: string; name: string; size: number; mime: string };

/** What every renderer may need from the form around it. */
export type RendererContext = {
  mode: RuntimeMode;
  compact: boolean;
  language: Language;
  /** Uploads a file for `fieldPath` (a field id, or `subtableId.columnId`); absent where uploads are off (preview). */
  upload?: (fieldPath: string, file: File, onProgress: (fraction: number) => void) => Promise<UploadedFile>;
  /** Where a stored file can be displayed from, or null when this viewer cannot fetch it (the public page). */
  fileUrl: (ref: FileRef) => string | null;
  /** The error message at a react-hook-form path (sub-table cells: `items.2.qty`). */
  errorAt: (path: string) => string | undefined;
  /** The renderer of each type (sub-tables render their columns with them). */
  renderers: FieldRenderers;
};

export type FieldRendererProps = {
  field: FieldDef;
  /** The value on screen (typed, default or computed). */
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  readOnly: boolean;
  required: boolean;
  invalid: boolean;
  /** The id of the main control (its <label> points at it) and of the label itself (for groups). */
  id: string;
  labelId: string;
  /** The id of the error / help text, for aria-describedby. */
  describedBy?: string;
  /** The react-hook-form path of the value (`phone`, `items.2.qty`): uploads and nested errors use it. */
  path: string;
  /** Focus target when the value is refused. */
  inputRef?: Ref<HTMLElement | null>;
  ctx: RendererContext;
};

/**
 * How a field type is shown.
 * - `label`: `input` — one control the <label> points at; `group` — several controls under the label (role=group);
 *   `layout` — no label and no value (section, description); `display` — a read-only value (formula, serial…).
 */
export type FieldRenderer = {
  label: 'input' | 'group' | 'layout' | 'display';
  Edit: ComponentType<FieldRendererProps>;
  /** The read-only view (logic makes it read-only, or the caller may not write it); default: the value as text. */
  View?: ComponentType<FieldRendererProps>;
};

/** One renderer per field type: a type without one does not compile. */
export type FieldRenderers = Record<FieldType, FieldRenderer>;

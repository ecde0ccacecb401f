import { localize } from '@formflow/schema';
import type { FieldDef, JsonValue } from '@formflow/schema';
import { RECORD_ERROR_MESSAGES } from './messages.js';
import type { RecordError, RecordErrorCode } from './record-error.js';

/** Builds a RecordError with both messages filled in from the catalogue and the field's labels. */
export function makeError(
  code: RecordErrorCode,
  field: FieldDef | null,
  path: string,
  params: { [key: string]: JsonValue } = {},
): RecordError {
  const catalogue = RECORD_ERROR_MESSAGES[code];
  const label = field ? field.label : '';
  return {
    fieldId: field ? field.id : null,
    path,
    code,
    label,
    message: {
      'zh-CN': catalogue['zh-CN']({ ...params, label: localize(label, 'zh-CN') || (field?.id ?? '') }),
      en: catalogue.en({ ...params, label: localize(label, 'en') || (field?.id ?? '') }),
    },
    params,
  };
}

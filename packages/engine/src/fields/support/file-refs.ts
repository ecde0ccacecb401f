import type { JsonValue } from '@formflow/schema';
import { parseJsonText } from '../../values/parse-json-text.js';
import { foldText } from '../../text/index.js';
import type { ParseResult } from '../field-type.js';

type FileRef = { id: string; name: string; size: number; mime: string };

function isFileRef(v: JsonValue): v is FileRef {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof v['id'] === 'string' &&
    typeof v['name'] === 'string' &&
    typeof v['size'] === 'number' &&
    typeof v['mime'] === 'string'
  );
}

/** File refs in a value: one ref (signature) or a list (image, attachment). */
export function fileRefsOf(value: JsonValue): FileRef[] {
  if (Array.isArray(value)) return value.filter(isFileRef);
  return isFileRef(value) ? [value] : [];
}

/**
 * Files cannot come from import text (bytes are uploaded first); parse accepts only the JSON of already stored refs,
 * as the API and webhooks emit them, e.g. when re-importing an export of another Formflow form.
 */
export function parseFileRefs(text: string, single: boolean): ParseResult {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const data = parseJsonText(t);
  const refs = single ? (isFileRef(data) ? [data] : []) : Array.isArray(data) ? data : [];
  if (refs.length === 0 || !refs.every(isFileRef)) {
    return { ok: false, code: 'FILES_NOT_IMPORTABLE', message: 'files must be uploaded; text cannot be imported' };
  }
  return { ok: true, value: single ? (refs[0] ?? null) : refs };
}

/** File names joined with `, `. */
export function formatFileNames(value: JsonValue): string {
  return fileRefsOf(value)
    .map((f) => f.name)
    .join(', ');
}

export function fileSortKey(value: JsonValue): string | null {
  const names = formatFileNames(value);
  return names === '' ? null : foldText(names);
}

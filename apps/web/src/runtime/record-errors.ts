import type { RecordError } from '@formflow/engine';
import type { FieldError, FieldErrors } from 'react-hook-form';
import type { Language } from '../i18n/current-language.js';

/**
 * A problem path as the engine (`items[2].qty`) or the server (`data.items[2].qty`, `/data/items/2/qty`) writes it,
 * as a react-hook-form path (`items.2.qty`). An empty string means the whole record.
 */
export function toFieldPath(path: string | undefined): string {
  const parts = (path ?? '')
    .split(/[./[\]"]+/)
    .filter(Boolean)
    .map((part) => part.trim());
  if (parts[0] === 'body') parts.shift();
  if (parts[0] === 'data') parts.shift();
  return parts.join('.');
}

/** The messages of errors that do not belong to a field (shown in a banner above the form). */
export const ROOT_KEY = '_record';

/** Puts `error` at `path` in a nested errors object (arrays for row indices), keeping the first error of a path. */
export function setErrorAt(target: Record<string, unknown>, path: string, error: FieldError): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i]!;
    const nextIsIndex = /^\d+$/.test(parts[i + 1]!);
    let child = node[key] as Record<string, unknown> | undefined;
    if (child === undefined || child === null || typeof child !== 'object') {
      child = (nextIsIndex ? [] : {}) as Record<string, unknown>;
      node[key] = child;
    } else if ('message' in child && 'type' in child && typeof child.type === 'string') {
      // A whole-field error already sits here (e.g. "too many rows"): it wins over cell errors.
      return;
    }
    node = child;
  }
  const last = parts[parts.length - 1]!;
  if (node[last] === undefined) node[last] = error;
}

/**
 * The engine's record errors as react-hook-form errors, each at its field path (sub-table cells at
 * `subtable.<row>.<column>`), with the message in the UI language. Errors of the whole record (no field) and errors
 * of fields the form does not show (`isShown` false) are gathered at `_record` (a key no field id can take: react-hook-form drops `root` on submit) so the user still sees them.
 */
export function recordErrorsToFieldErrors(
  errors: readonly RecordError[],
  language: Language,
  isShown: (fieldId: string) => boolean = () => true,
): FieldErrors {
  const out: Record<string, unknown> = {};
  const rootMessages: string[] = [];
  for (const error of errors) {
    const message = error.message[language] || error.message.en;
    const path = toFieldPath(error.path) || error.fieldId || '';
    const top = path.split('.')[0] ?? '';
    if (path === '' || !isShown(top)) {
      if (!rootMessages.includes(message)) rootMessages.push(message);
      continue;
    }
    setErrorAt(out, path, { type: error.code, message });
  }
  if (rootMessages.length > 0) out[ROOT_KEY] = { type: 'record', message: rootMessages.join('\n') };
  return out as FieldErrors;
}

/** Reads the error at a dotted path of a nested errors object. */
export function errorAt(errors: unknown, path: string): FieldError | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (node && typeof node === 'object' && typeof (node as FieldError).message === 'string') return node as FieldError;
  return undefined;
}

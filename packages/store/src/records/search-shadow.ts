import { foldText } from '@formflow/engine';
import type { RecordData } from './record-types.js';

/** Separator between the folded strings of an array value in the search shadow. */
export const SEARCH_ARRAY_SEPARATOR = '\u001f';

/**
 * The `records.search` shadow: for every string value, and the strings directly inside array values,
 * `foldText()` keyed by field id (arrays joined with U+001F). Other values have no entry.
 */
export function searchShadow(data: RecordData): Record<string, string> {
  const shadow: Record<string, string> = {};
  for (const [fieldId, value] of Object.entries(data)) {
    if (typeof value === 'string') {
      shadow[fieldId] = foldText(value);
    } else if (Array.isArray(value)) {
      const texts = value.filter((item): item is string => typeof item === 'string');
      if (texts.length > 0) shadow[fieldId] = texts.map(foldText).join(SEARCH_ARRAY_SEPARATOR);
    }
  }
  return shadow;
}

import type { JsonValue } from '@formflow/schema';

/** The JSON value written in import text, or null when the text is not JSON (file refs, sub-table rows). */
export function parseJsonText(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return null;
  }
}

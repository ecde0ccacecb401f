import { foldText } from '@formflow/engine';
import type { JsonValue } from './record-types.js';

/**
 * The key a value is made unique by (查重): folded text for strings (so `Ä`≡`ä`, NFC≡NFD; RELIABILITY K4),
 * canonical JSON for other values. `null` for empty values, which are never unique-checked.
 */
export function uniqueKey(value: JsonValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value === '' ? null : foldText(value);
  if (Array.isArray(value) && value.length === 0) return null;
  return JSON.stringify(value);
}

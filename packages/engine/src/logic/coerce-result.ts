import { normalizeText, wellFormed } from '../text/index.js';
import type { JsonValue } from '@formflow/schema';

export type FormulaResultType = 'number' | 'text' | 'date' | 'boolean';

/** Fits a formula's result to the field's declared result type; what does not fit becomes null, never NaN. */
export function coerceResult(value: JsonValue, resultType: FormulaResultType | undefined): JsonValue {
  if (value === undefined) return null;
  switch (resultType) {
    case 'number': {
      if (value === null || value === '' || typeof value === 'object') return null;
      const n = typeof value === 'number' ? value : Number(value);
      // Binary float noise (100 × 0.06 = 6.000000000000001) is removed: 15 significant digits are kept.
      return Number.isFinite(n) ? Number.parseFloat(n.toPrecision(15)) : null;
    }
    case 'text':
      if (value === null) return null;
      // Formulas can cut a surrogate pair (`substr`) or build decomposed text (`cat`): store well-formed NFC.
      return normalizeText(wellFormed(typeof value === 'object' ? JSON.stringify(value) : String(value)));
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
    case 'boolean':
      return value === null ? null : Boolean(value);
    default:
      return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  }
}

import { TextView } from './text-view.js';
import type { FieldRenderer } from './types.js';

/** 公式: computed by the engine as the user types; read-only. */
export const formulaRenderer: FieldRenderer = { label: 'display', Edit: TextView };

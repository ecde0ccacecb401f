import { TextView } from './text-view.js';
import type { FieldRenderer } from './types.js';

/** 汇总: computed live from sub-table rows (by the engine) or linked records (by the server); read-only. */
export const rollupRenderer: FieldRenderer = { label: 'display', Edit: TextView };

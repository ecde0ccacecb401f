import { TextView } from './text-view.js';
import type { FieldRenderer } from './types.js';

/** 查询: a field of the linked record, computed by the server; read-only. */
export const lookupRenderer: FieldRenderer = { label: 'display', Edit: TextView };

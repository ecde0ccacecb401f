import { SystemView } from './text-view.js';
import type { FieldRenderer } from './types.js';

/** 提交时间: set by the server; read-only. */
export const createdAtRenderer: FieldRenderer = { label: 'display', Edit: SystemView };

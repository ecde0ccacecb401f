import { SystemView } from './text-view.js';
import type { FieldRenderer } from './types.js';

/** 更新时间: set by the server; read-only. */
export const updatedAtRenderer: FieldRenderer = { label: 'display', Edit: SystemView };

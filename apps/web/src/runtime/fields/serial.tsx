import { SystemView } from './text-view.js';
import type { FieldRenderer } from './types.js';

/** 流水号: numbered by the server on save; read-only. */
export const serialRenderer: FieldRenderer = { label: 'display', Edit: SystemView };

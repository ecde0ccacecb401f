import { TextInput } from './text-input.js';
import type { FieldRenderer } from './types.js';

/** 单行文本. */
export const textRenderer: FieldRenderer = { label: 'input', Edit: (props) => <TextInput {...props} /> };

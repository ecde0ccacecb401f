import { TextInput } from './text-input.js';
import type { FieldRenderer } from './types.js';

/** 邮箱. */
export const emailRenderer: FieldRenderer = {
  label: 'input',
  Edit: (props) => <TextInput {...props} type="email" inputMode="email" autoComplete="email" />,
};

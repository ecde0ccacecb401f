import { TextInput } from './text-input.js';
import type { FieldRenderer } from './types.js';

/** 手机/电话: the number as typed; the engine checks and normalises it. */
export const phoneRenderer: FieldRenderer = {
  label: 'input',
  Edit: (props) => <TextInput {...props} type="tel" inputMode="tel" autoComplete="tel" />,
};

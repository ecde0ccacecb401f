import { LinkView } from './text-view.js';
import { TextInput } from './text-input.js';
import type { FieldRenderer } from './types.js';

/** 网址: shown as a link only when it is http(s). */
export const urlRenderer: FieldRenderer = {
  label: 'input',
  Edit: (props) => <TextInput {...props} type="url" inputMode="url" />,
  View: LinkView,
};

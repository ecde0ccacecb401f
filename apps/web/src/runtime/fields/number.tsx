import { localized } from '../../ui/localized.js';
import { NumberInput } from './number-input.js';
import type { FieldRenderer } from './types.js';

/** 数字: typed text becomes a number; a unit is shown after the box. */
export const numberRenderer: FieldRenderer = {
  label: 'input',
  Edit: (props) => <NumberInput {...props} suffix={localized(props.field.settings?.unit as never) || undefined} />,
};

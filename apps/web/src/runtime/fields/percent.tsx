import { NumberInput } from './number-input.js';
import type { FieldRenderer } from './types.js';

/** 百分比: the user types the percentage (12.5); the value is the ratio (0.125). */
export const percentRenderer: FieldRenderer = {
  label: 'input',
  Edit: (props) => <NumberInput {...props} scale={2} suffix="%" />,
};

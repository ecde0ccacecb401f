import { NumberInput } from './number-input.js';
import type { FieldRenderer } from './types.js';

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', HKD: 'HK$', JPY: 'JP¥' };

/** The symbol shown before an amount (as the engine's money format: `¥`, `$`, or the ISO code). */
export function currencySymbol(code: unknown): string {
  const iso = typeof code === 'string' ? code : 'CNY';
  return SYMBOLS[iso] ?? iso;
}

/** 金额: a number box with the currency's symbol. */
export const moneyRenderer: FieldRenderer = {
  label: 'input',
  Edit: (props) => <NumberInput {...props} prefix={currencySymbol(props.field.settings?.currency)} />,
};

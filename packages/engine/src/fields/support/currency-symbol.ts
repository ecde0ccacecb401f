const SYMBOLS: { [code: string]: string } = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', HKD: 'HK$', JPY: 'JP¥' };

/** Display symbol of an ISO 4217 currency: `¥` for CNY, `$`, `€`, `£`, `HK$`; other codes as `CODE ` prefixes. */
export function currencySymbol(code: string): string {
  return SYMBOLS[code] ?? `${code} `;
}

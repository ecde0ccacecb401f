import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/**
 * The floor we compare record validation to: a hand-written ajv schema of the customer form's shape, compiled
 * once. It checks types, options, formats and lengths, but knows nothing of graphemes, NFC, logic or errors text.
 */
export function bareCustomerValidator() {
  const ajv = new Ajv({ allErrors: false });
  addFormats(ajv);
  const str = (maxLength: number) => ({ type: 'string', maxLength });
  return ajv.compile({
    type: 'object',
    additionalProperties: false,
    required: ['name', 'tier'],
    properties: {
      name: str(100),
      phone: { type: 'string', pattern: '^1[3-9]\\d{9}$' },
      email: { type: 'string', format: 'email', maxLength: 254 },
      tier: { enum: ['A', 'B', 'C'] },
      owner: { type: 'string', maxLength: 64 },
      source: { enum: ['web', 'referral', 'expo', 'ads'] },
      industry: { enum: ['mfg', 'retail', 'it'] },
      city: str(50),
      street: str(200),
      annualRevenue: { type: 'number', minimum: 0 },
      employees: { type: 'integer', minimum: 0 },
      rating: { type: 'integer', minimum: 0, maximum: 5 },
      lastFollowUp: { type: 'string', format: 'date' },
      firstContact: { type: 'string', format: 'date' },
      website: { type: 'string', pattern: '^https?://', maxLength: 2000 },
      tags: { type: 'array', uniqueItems: true, items: { enum: ['vip', 'new', 'risk'] } },
      isKey: { type: 'boolean' },
      notes: str(2000),
      discount: { type: 'number', minimum: 0, maximum: 1 },
      nextVisit: { type: 'string', format: 'date-time' },
    },
  });
}

import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `signature` (手写签名): the pen colour (CSS hex). */
export type SignatureSettings = { penColor?: string };

export const signatureSettingsSchema: JsonSchema = settingsObject({
  penColor: { type: 'string', pattern: '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$' },
});

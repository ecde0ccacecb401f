import type { JsonSchema } from '../json-schema.js';
import { settingsObject } from './common.js';

/** Settings of `attachment`. `accept` holds mime types (`application/pdf`, `image/*`) or extensions (`.pdf`). */
export type AttachmentSettings = { maxFiles?: number; maxSizeMb?: number; accept?: string[] };

/** Properties shared by the file settings (attachment, image). */
export const fileSettingsProperties: { [key: string]: JsonSchema } = {
  maxFiles: { type: 'integer', minimum: 1, maximum: 100 },
  maxSizeMb: { type: 'number', exclusiveMinimum: 0, maximum: 2048 },
  accept: {
    type: 'array',
    items: { type: 'string', pattern: '^(\\.[A-Za-z0-9]{1,16}|[a-z]+/([a-z0-9.+-]+|\\*))$' },
    maxItems: 100,
  },
};

export const attachmentSettingsSchema: JsonSchema = settingsObject(fileSettingsProperties);

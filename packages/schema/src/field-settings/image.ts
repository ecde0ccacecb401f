import type { JsonSchema } from '../json-schema.js';
import { fileSettingsProperties, type AttachmentSettings } from './attachment.js';
import { settingsObject } from './common.js';

/** Settings of `image`: file settings plus `compress` (shrink before upload) and `cameraOnly` (拍照上传). */
export type ImageSettings = AttachmentSettings & { compress?: boolean; cameraOnly?: boolean };

export const imageSettingsSchema: JsonSchema = settingsObject({
  ...fileSettingsProperties,
  compress: { type: 'boolean' },
  cameraOnly: { type: 'boolean' },
});

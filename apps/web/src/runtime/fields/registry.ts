import { addressRenderer } from './address.js';
import { attachmentRenderer } from './attachment.js';
import { imageRenderer } from './image.js';
import { locationRenderer } from './location.js';
import { signatureRenderer } from './signature.js';
import { booleanRenderer } from './boolean.js';
import { createdAtRenderer } from './created-at.js';
import { createdByRenderer } from './created-by.js';
import { dateRenderer } from './date.js';
import { datetimeRenderer } from './datetime.js';
import { descriptionRenderer } from './description.js';
import { emailRenderer } from './email.js';
import { formulaRenderer } from './formula.js';
import { lookupRenderer } from './lookup.js';
import { moneyRenderer } from './money.js';
import { multiselectRenderer } from './multiselect.js';
import { numberRenderer } from './number.js';
import { percentRenderer } from './percent.js';
import { phoneRenderer } from './phone.js';
import { ratingRenderer } from './rating.js';
import { rollupRenderer } from './rollup.js';
import { sectionRenderer } from './section.js';
import { selectRenderer } from './select.js';
import { serialRenderer } from './serial.js';
import { subtableRenderer } from './subtable.js';
import { textRenderer } from './text.js';
import { textareaRenderer } from './textarea.js';
import { updatedAtRenderer } from './updated-at.js';
import { urlRenderer } from './url.js';
import type { FieldRenderers } from './types.js';
import { lazyRenderer } from './lazy-renderer.js';

// Pickers load on first use: they never appear on a public form, which must stay small (≤ 250 KB gzip of JS).
const memberRenderer = lazyRenderer('group', () => import('./member.js').then((m) => m.memberRenderer));
const departmentRenderer = lazyRenderer('group', () => import('./department.js').then((m) => m.departmentRenderer));
const relationRenderer = lazyRenderer('group', () => import('./relation.js').then((m) => m.relationRenderer));

/**
 * The renderer of every field type (DESIGN.md §4: the web's parallel of the engine's registry). Typed
 * `Record<FieldType, FieldRenderer>`: a field type without a renderer does not compile.
 */
export const FIELD_RENDERERS: FieldRenderers = {
  text: textRenderer,
  textarea: textareaRenderer,
  number: numberRenderer,
  money: moneyRenderer,
  percent: percentRenderer,
  rating: ratingRenderer,
  date: dateRenderer,
  datetime: datetimeRenderer,
  select: selectRenderer,
  multiselect: multiselectRenderer,
  boolean: booleanRenderer,
  member: memberRenderer,
  department: departmentRenderer,
  phone: phoneRenderer,
  email: emailRenderer,
  url: urlRenderer,
  address: addressRenderer,
  location: locationRenderer,
  image: imageRenderer,
  attachment: attachmentRenderer,
  signature: signatureRenderer,
  serial: serialRenderer,
  subtable: subtableRenderer,
  relation: relationRenderer,
  lookup: lookupRenderer,
  rollup: rollupRenderer,
  formula: formulaRenderer,
  createdBy: createdByRenderer,
  createdAt: createdAtRenderer,
  updatedAt: updatedAtRenderer,
  section: sectionRenderer,
  description: descriptionRenderer,
};

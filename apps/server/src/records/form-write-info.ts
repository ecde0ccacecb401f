import type { FieldDef, FormDef } from '@formflow/schema';
import type { SerialFieldSpec } from '@formflow/store';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from '../context/time-zone.js';

/** What the write path needs to know about a form version, computed once per (immutable) definition. */
export type FormWriteInfo = {
  /** Live top-level fields by id (not deleted). */
  fields: ReadonlyMap<string, FieldDef>;
  /** Fields the server fills: the actor's id on create, timestamps on create and on every change. */
  createdBy: readonly string[];
  createdAt: readonly string[];
  updatedAt: readonly string[];
  serials: readonly SerialFieldSpec[];
  /** 查重 fields: `unique: true` (or `settings.unique`). */
  unique: readonly string[];
};

const cache = new WeakMap<FormDef, FormWriteInfo>();

/** The zone of serial numbers' date part and period: the server's, so numbering never depends on the caller. */
export function serverTimeZone(): string {
  return canonicalTimeZone(process.env['FORMFLOW_TIMEZONE'] ?? '') ?? DEFAULT_TIME_ZONE;
}

function serialSpec(field: FieldDef, timeZone: string): SerialFieldSpec {
  const s = field.settings ?? {};
  const spec: SerialFieldSpec = { fieldId: field.id, timeZone };
  if (typeof s['prefix'] === 'string') spec.prefix = s['prefix'];
  if (typeof s['digits'] === 'number') spec.digits = s['digits'];
  const dateFormat = s['dateFormat'];
  if (dateFormat === 'YYYYMMDD' || dateFormat === 'YYYYMM' || dateFormat === 'YYYY') spec.dateFormat = dateFormat;
  const reset = s['resetEvery'];
  if (reset === 'day' || reset === 'month' || reset === 'year' || reset === 'never') spec.resetEvery = reset;
  return spec;
}

export function formWriteInfo(form: FormDef): FormWriteInfo {
  const hit = cache.get(form);
  if (hit) return hit;
  const live = form.fields.filter((f) => f.deleted !== true);
  const ofType = (type: FieldDef['type']) => live.filter((f) => f.type === type).map((f) => f.id);
  const zone = serverTimeZone();
  const info: FormWriteInfo = {
    fields: new Map(live.map((f) => [f.id, f])),
    createdBy: ofType('createdBy'),
    createdAt: ofType('createdAt'),
    updatedAt: ofType('updatedAt'),
    serials: live.filter((f) => f.type === 'serial').map((f) => serialSpec(f, zone)),
    unique: live.filter((f) => f.unique === true || f.settings?.['unique'] === true).map((f) => f.id),
  };
  cache.set(form, info);
  return info;
}

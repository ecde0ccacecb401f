import { FIELD_TYPE_MODULES, localDate, type FieldContext } from '@formflow/engine';
import { browserTimeZone } from '../api/client.js';
import type { FieldDef, JsonValue } from '@formflow/schema';
import { currentLanguage } from '../i18n/current-language.js';
import { localized } from '../ui/localized.js';

export type FormatLookups = {
  /** member id → name */
  members?: ReadonlyMap<string, string>;
  /** department id → name */
  departments?: ReadonlyMap<string, string>;
  /** linked record id → its title (relation fields) */
  relations?: ReadonlyMap<string, string>;
};

/** The viewer's IANA zone (date-times are shown in it); Asia/Shanghai when the browser names none. */
export const viewerTimeZone = browserTimeZone;

const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined).map(String);

/**
 * A record value as text for grids, cards, the history timeline and exports in the UI (never HTML): the engine's own
 * display format of each field type (the one exports use), in the UI language and the viewer's time zone —
 * `¥1,200.50`, `12.5%`, `Mar 1, 2025` / `2025-03-01`, option labels, `广东省 深圳市 南山区 …`, file names — with names
 * of members, departments and linked records taken from `lookups` (the id when unknown).
 */
export function formatValue(field: FieldDef, value: unknown, lookups: FormatLookups = {}): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value) && value.length === 0) return '';
  const settings = (field.settings ?? {}) as Record<string, unknown>;
  const ctx: FieldContext = { timezone: viewerTimeZone(), locale: currentLanguage() };
  try {
    switch (field.type) {
      case 'member':
      case 'createdBy':
        return ids(value)
          .map((id) => lookups.members?.get(id) ?? id)
          .join(', ');
      case 'department':
        return ids(value)
          .map((id) => lookups.departments?.get(id) ?? id)
          .join(', ');
      case 'relation':
        return ids(value)
          .map((id) => lookups.relations?.get(id) ?? id)
          .join(', ');
      case 'rating': {
        if (typeof value !== 'number') return String(value);
        const max = typeof settings.max === 'number' ? settings.max : 5;
        const on = Math.max(0, Math.min(max, Math.round(value)));
        return (settings.icon === 'heart' ? '♥' : '★').repeat(on) + '☆'.repeat(max - on);
      }
      case 'number': {
        const text = FIELD_TYPE_MODULES.number.format(value as JsonValue, field, ctx);
        const unit = localized(settings.unit as never);
        return text && unit ? `${text} ${unit}` : text;
      }
      case 'createdAt':
      case 'updatedAt':
        if (settings.precision === 'date' && typeof value === 'string') {
          const day = localDate(new Date(value), ctx.timezone);
          return FIELD_TYPE_MODULES.date.format(day, field, ctx);
        }
        break;
      case 'section':
      case 'description':
        return '';
      default:
        break;
    }
    const text = FIELD_TYPE_MODULES[field.type].format(value as JsonValue, field, ctx);
    if (text !== '' || typeof value !== 'object') return text || String(value);
    return JSON.stringify(value);
  } catch {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** An http(s) URL as an href, or null: user data never becomes a `javascript:` or `data:` link. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

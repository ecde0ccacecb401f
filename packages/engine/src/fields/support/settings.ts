import type { FieldDef, JsonValue, SelectOption } from '@formflow/schema';

/**
 * Defensive readers of `field.settings`. Settings are validated by their schema before a form is published, but field
 * modules also run on drafts, so a wrong-typed setting reads as absent instead of throwing.
 */
export function setting(field: FieldDef, key: string): JsonValue | undefined {
  return field.settings?.[key];
}

export function numberSetting(field: FieldDef, key: string): number | undefined {
  const v = setting(field, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function stringSetting(field: FieldDef, key: string): string | undefined {
  const v = setting(field, key);
  return typeof v === 'string' ? v : undefined;
}

export function booleanSetting(field: FieldDef, key: string): boolean {
  return setting(field, key) === true;
}

/** The select options in settings order; malformed entries are skipped. */
export function optionsOf(field: FieldDef): SelectOption[] {
  const v = setting(field, 'options');
  if (!Array.isArray(v)) return [];
  return v.filter(
    (o): o is SelectOption =>
      typeof o === 'object' &&
      o !== null &&
      !Array.isArray(o) &&
      typeof o['id'] === 'string' &&
      o['label'] !== undefined,
  );
}

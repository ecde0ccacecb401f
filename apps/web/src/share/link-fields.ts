import { fieldRegistry } from '@formflow/engine';
import type { FieldDef, FormDef } from '@formflow/schema';

/** Field types an anonymous visitor cannot fill (pickers over members, departments or records). */
const NOT_PUBLIC = new Set<string>(['member', 'department', 'relation']);

export type LinkFieldChoice = {
  field: FieldDef;
  /** Why a public link may not expose it (mirrors the server's check, docs/api/public-links.md); none = allowed. */
  refused?: 'notWritable' | 'notPublic';
};

function filledByPeople(type: string): boolean {
  return fieldRegistry.has(type as never) && fieldRegistry.get(type as never).source === 'user';
}

/**
 * The live top-level fields of a form as a public link sees them: layout fields left out; system and computed
 * fields refused (`notWritable`); member, department and relation pickers, and sub-tables holding one, refused
 * (`notPublic`).
 */
export function linkFieldChoices(form: FormDef): LinkFieldChoice[] {
  const choices: LinkFieldChoice[] = [];
  for (const field of form.fields) {
    if (field.deleted === true) continue;
    if (fieldRegistry.has(field.type) && fieldRegistry.get(field.type).source === 'none') continue;
    if (!filledByPeople(field.type)) choices.push({ field, refused: 'notWritable' });
    else if (NOT_PUBLIC.has(field.type)) choices.push({ field, refused: 'notPublic' });
    else if (field.type === 'subtable' && subtableHoldsPicker(field)) choices.push({ field, refused: 'notPublic' });
    else choices.push({ field });
  }
  return choices;
}

function subtableHoldsPicker(field: FieldDef): boolean {
  const columns = field.settings?.['fields'];
  if (!Array.isArray(columns)) return false;
  return (columns as unknown as FieldDef[]).some(
    (c) => c.deleted !== true && filledByPeople(c.type) && NOT_PUBLIC.has(c.type),
  );
}

/** The field ids a new link exposes by default: every field a public link may expose. */
export function defaultLinkFields(form: FormDef): string[] {
  return linkFieldChoices(form)
    .filter((c) => !c.refused)
    .map((c) => c.field.id);
}

/** The public address of a link's token. */
export function publicUrl(origin: string, token: string): string {
  return `${origin}/f/${encodeURIComponent(token)}`;
}

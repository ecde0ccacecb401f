import type { FieldRegistry } from '@formflow/engine';
import { FORBIDDEN_KEYS, type FieldDef, type FormDef, type LocalizedText } from '@formflow/schema';
import { CsvImportError } from './import-error.js';

/** How the header row maps to fields: `fields[i]` is the field of column i, or null (ignored column). */
export type HeaderMap = {
  headers: readonly string[];
  fields: readonly (FieldDef | null)[];
  /** Columns that match no field (ignored unless strict). */
  unknownColumns: readonly string[];
};

export type HeaderMapOptions = {
  /** Header text → field id, checked before the automatic match. */
  columnMap?: Readonly<Record<string, string>>;
  /** Unknown columns are an error instead of being ignored. */
  strict?: boolean;
  /** Fields the importer may write; columns of other fields are refused (RELIABILITY H3). */
  writableFieldIds?: ReadonlySet<string>;
};

/** The key a header is matched by: NFC, trimmed, lower case. */
export function normalizeHeader(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

function labels(text: LocalizedText): string[] {
  return typeof text === 'string' ? [text] : [text['zh-CN'], text.en].filter((t): t is string => t !== undefined);
}

/** Header names → field, by priority: id, then API key, then label (zh-CN or en). Deleted fields never match. */
function fieldLookup(form: FormDef): Map<string, FieldDef> {
  const byName = new Map<string, FieldDef>();
  const live = form.fields.filter((f) => f.deleted !== true);
  const add = (name: string, field: FieldDef): void => {
    const key = normalizeHeader(name);
    if (key !== '' && !byName.has(key)) byName.set(key, field);
  };
  for (const field of live) add(field.id, field);
  for (const field of live) if (field.key !== undefined) add(field.key, field);
  for (const field of live) for (const label of labels(field.label)) add(label, field);
  return byName;
}

function headerError(
  code: 'DUPLICATE_HEADER' | 'FORBIDDEN_HEADER' | 'UNKNOWN_COLUMN' | 'READONLY_COLUMN' | 'INVALID_COLUMN_MAP',
  column: string,
  zh: string,
  en: string,
): CsvImportError {
  return new CsvImportError(code, { 'zh-CN': `列“${column}”：${zh}`, en: `Column "${column}": ${en}` }, { column });
}

/** Maps the header row to form fields. Throws `CsvImportError` for a header the import must not go on with. */
export function mapHeader(
  headers: readonly string[],
  form: FormDef,
  registry: FieldRegistry,
  options: HeaderMapOptions = {},
): HeaderMap {
  const lookup = fieldLookup(form);
  const byId = new Map(form.fields.filter((f) => f.deleted !== true).map((f) => [f.id, f]));
  const seenHeaders = new Set<string>();
  const seenFields = new Map<string, string>();
  const fields: (FieldDef | null)[] = [];
  const unknownColumns: string[] = [];
  for (const header of headers) {
    const key = normalizeHeader(header);
    if (FORBIDDEN_KEYS.has(key) || FORBIDDEN_KEYS.has(header.trim())) {
      throw headerError('FORBIDDEN_HEADER', header, '不允许的列名', 'this header name is not allowed');
    }
    if (key !== '' && seenHeaders.has(key)) {
      throw headerError('DUPLICATE_HEADER', header, '表头重复', 'the header appears more than once');
    }
    seenHeaders.add(key);
    const mapped =
      options.columnMap && Object.hasOwn(options.columnMap, header) ? options.columnMap[header] : undefined;
    let field: FieldDef | undefined;
    if (mapped !== undefined) {
      field = byId.get(mapped);
      if (!field)
        throw headerError(
          'INVALID_COLUMN_MAP',
          header,
          `映射到不存在的字段 ${mapped}`,
          `mapped to unknown field ${mapped}`,
        );
    } else {
      field = key === '' ? undefined : lookup.get(key);
    }
    if (!field) {
      if (options.strict) throw headerError('UNKNOWN_COLUMN', header, '不对应任何字段', 'matches no field of the form');
      unknownColumns.push(header);
      fields.push(null);
      continue;
    }
    const writable = registry.get(field.type).source === 'user' && (options.writableFieldIds?.has(field.id) ?? true);
    if (!writable)
      throw headerError(
        'READONLY_COLUMN',
        header,
        '该字段不可导入或无写权限',
        'this field cannot be written by an import',
      );
    const earlier = seenFields.get(field.id);
    if (earlier !== undefined) {
      throw headerError(
        'DUPLICATE_HEADER',
        header,
        `与列“${earlier}”对应同一字段`,
        `maps to the same field as column "${earlier}"`,
      );
    }
    seenFields.set(field.id, header);
    fields.push(field);
  }
  return { headers, fields, unknownColumns };
}

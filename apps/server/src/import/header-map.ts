import type { FieldRegistry } from '@formflow/engine';
import { FORBIDDEN_KEYS, type FieldDef, type FormDef, type LocalizedText } from '@formflow/schema';
import { fileFieldsOf } from '../files/file-field.js';
import { CsvImportError } from './import-error.js';

/** How the header row maps to fields: `fields[i]` is the field of column i, or null (ignored column). */
export type HeaderMap = {
  headers: readonly string[];
  fields: readonly (FieldDef | null)[];
  /** Columns that match no field (ignored unless strict). */
  unknownColumns: readonly string[];
  /** `lenient` only: the problem of each refused column (that column is then ignored). */
  problems: readonly { index: number; error: CsvImportError }[];
};

export type HeaderMapOptions = {
  /** Header text → field id (or null: ignore the column), checked before the automatic match. */
  columnMap?: Readonly<Record<string, string | null>>;
  /** Unknown columns are an error instead of being ignored. */
  strict?: boolean;
  /** Fields the importer may write; columns of other fields are refused (RELIABILITY H3). */
  writableFieldIds?: ReadonlySet<string>;
  /** Report column problems in `problems` instead of throwing (the preview shows them all). */
  lenient?: boolean;
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
  code:
    | 'DUPLICATE_HEADER'
    | 'FORBIDDEN_HEADER'
    | 'UNKNOWN_COLUMN'
    | 'READONLY_COLUMN'
    | 'FILES_NOT_IMPORTABLE'
    | 'INVALID_COLUMN_MAP',
  column: string,
  zh: string,
  en: string,
): CsvImportError {
  return new CsvImportError(code, { 'zh-CN': `列“${column}”：${zh}`, en: `Column "${column}": ${en}` }, { column });
}

/**
 * Maps the header row to form fields. Throws `CsvImportError` for a header the import must not go on with (unless
 * `lenient`). A `columnMap` entry naming a column that is not in the file is INVALID_COLUMN_MAP.
 */
export function mapHeader(
  headers: readonly string[],
  form: FormDef,
  registry: FieldRegistry,
  options: HeaderMapOptions = {},
): HeaderMap {
  const problems: { index: number; error: CsvImportError }[] = [];
  const fields: (FieldDef | null)[] = [];
  const unknownColumns: string[] = [];
  const seenHeaders = new Set<string>();
  const seenFields = new Map<string, string>();
  const lookup = fieldLookup(form);
  const byId = new Map(form.fields.filter((f) => f.deleted !== true).map((f) => [f.id, f]));
  // Fields holding files (and sub-tables with a file column): a cell could only carry refs to uploads, and a ref is
  // not the importer's to attach (someone else's file would become downloadable through the new record).
  const holdsFiles = new Set(fileFieldsOf(form).map((f) => f.topId));
  headers.forEach((header, index) => {
    try {
      fields.push(mapColumn(header));
    } catch (error) {
      if (!options.lenient || !(error instanceof CsvImportError)) throw error;
      problems.push({ index, error });
      fields.push(null);
    }
  });
  for (const column of Object.keys(options.columnMap ?? {})) {
    if (headers.includes(column)) continue;
    const error = headerError('INVALID_COLUMN_MAP', column, '文件中没有这一列', 'the file has no such column');
    if (!options.lenient) throw error;
    problems.push({ index: -1, error });
  }
  return { headers, fields, unknownColumns, problems };

  function mapColumn(header: string): FieldDef | null {
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
    if (mapped === null) return null;
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
      return null;
    }
    const writable = registry.get(field.type).source === 'user' && (options.writableFieldIds?.has(field.id) ?? true);
    if (!writable)
      throw headerError(
        'READONLY_COLUMN',
        header,
        '该字段不可导入或无写权限',
        'this field cannot be written by an import',
      );
    if (holdsFiles.has(field.id))
      throw headerError(
        'FILES_NOT_IMPORTABLE',
        header,
        '附件、图片和签名不能通过导入写入，请删除这一列或在映射中忽略它',
        'attachments, images and signatures cannot be imported: remove the column or map it to null',
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
    return field;
  }
}

import type { FormDef, JsonValue } from '@formflow/schema';
import type { FileRepository } from '@formflow/store';
import type { ProblemItem } from '../http/problems.js';
import { fileFieldsOf, type FileField } from './file-field.js';

export type VerifyFileRefsInput = {
  workspaceId: string;
  formId: string;
  form: FormDef;
  /** The validated values about to be stored (the whole record on create, the patch on update). */
  values: Readonly<Record<string, JsonValue>>;
  /** The record's stored data on update: refs it already holds in a field stay valid there. */
  existing?: Readonly<Record<string, JsonValue>>;
  /** Who writes: a new ref must be their own upload (null: an anonymous public-link upload). */
  uploader: string | null;
  locale: 'zh-CN' | 'en';
};

export type VerifyFileRefsResult =
  { ok: true; values: Record<string, JsonValue> } | { ok: false; errors: ProblemItem[] };

type Ref = { id: string; name: string; size: number; mime: string };

const isRef = (v: JsonValue | undefined): v is Ref =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v['id'] === 'string';

/** Refs in a file value with their path suffix (`[0]`, or '' for a signature's single ref). */
function refsIn(value: JsonValue | undefined): { ref: Ref; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => (isRef(v) ? [{ ref: v, at: `[${String(i)}]` }] : []));
  return isRef(value) ? [{ ref: value, at: '' }] : [];
}

/** Every ref held at a file field path (`field` or `subtable.column`, across rows) of some data. */
function refsAt(data: Readonly<Record<string, JsonValue>>, field: FileField): { ref: Ref; path: string }[] {
  const top = Object.hasOwn(data, field.topId) ? data[field.topId] : undefined;
  if (field.path === field.topId) return refsIn(top).map(({ ref, at }) => ({ ref, path: `${field.topId}${at}` }));
  const column = field.path.slice(field.topId.length + 1);
  if (!Array.isArray(top)) return [];
  return top.flatMap((row, r) =>
    row !== null && typeof row === 'object' && !Array.isArray(row) && Object.hasOwn(row, column)
      ? refsIn(row[column]).map(({ ref, at }) => ({ ref, path: `${field.topId}[${String(r)}].${column}${at}` }))
      : [],
  );
}

/** The value with each ref to a checked file replaced by its stored metadata (inside sub-table rows too). */
function replaceRefs(value: JsonValue, stored: ReadonlyMap<string, Ref>): JsonValue {
  if (Array.isArray(value)) return value.map((v) => replaceRefs(v, stored));
  if (value === null || typeof value !== 'object') return value;
  const ref = isRef(value) && Object.hasOwn(value, 'mime') ? stored.get(value.id) : undefined;
  if (ref) return ref;
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(value)) out[key] = replaceRefs(value[key] as JsonValue, stored);
  return out;
}

/**
 * Checks the file refs a record write carries (RELIABILITY H4, I6): a ref the record does not already hold in that
 * field must name an upload of this workspace, made for this form and field, by this writer, and not yet attached to
 * another live record. Without this a caller could attach someone else's file id and download it through their own
 * record. New refs get the stored name, size and type (a client cannot relabel a file). Every bad ref is reported
 * with its path (`data.photos[1]`, `data.items[0].receipt[0]`).
 */
export function verifyFileRefs(files: FileRepository, input: VerifyFileRefsInput): VerifyFileRefsResult {
  const errors: ProblemItem[] = [];
  const stored = new Map<string, Ref>();
  for (const field of fileFieldsOf(input.form)) {
    if (!Object.hasOwn(input.values, field.topId)) continue;
    const held = new Set(input.existing ? refsAt(input.existing, field).map(({ ref }) => ref.id) : []);
    for (const { ref, path } of refsAt(input.values, field)) {
      if (held.has(ref.id)) continue;
      const file = files.getFile(input.workspaceId, ref.id);
      const usable =
        file !== undefined &&
        file.formId === input.formId &&
        file.fieldId === field.path &&
        file.createdBy === input.uploader &&
        !files.isReferenced(input.workspaceId, input.formId, field.path, file.id);
      if (!file || !usable) {
        errors.push({
          path: `data.${path}`,
          code: 'INVALID_FILE_REF',
          message:
            input.locale === 'zh-CN'
              ? '文件不存在、不属于此字段或已被其他数据使用：请重新上传'
              : 'the file does not exist, was not uploaded for this field, or is used by another record: upload it again',
        });
        continue;
      }
      stored.set(file.id, { id: file.id, name: file.name, size: file.size, mime: file.mime });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (stored.size === 0) return { ok: true, values: { ...input.values } };
  const values: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(input.values)) values[key] = replaceRefs(value, stored);
  return { ok: true, values };
}

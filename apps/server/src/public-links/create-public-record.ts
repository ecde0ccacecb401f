import { validateRecord, type RecordError } from '@formflow/engine';
import type { JsonValue, PublicLink, PublicLinkRepository, RecordData, StoredRecord } from '@formflow/store';
import type { FileRepository } from '@formflow/store';
import type { LiveForm } from '../context/definition-cache.js';
import type { ServerContext } from '../context/server-context.js';
import { verifyFileRefs } from '../files/verify-file-refs.js';
import { recordProblems, type ProblemItem } from '../http/problems.js';
import { formWriteInfo } from '../records/form-write-info.js';
import { deriveRelationValues, propagateRelationChanges } from '../relations/index.js';
import { longTextPath, PUBLIC_MAX_TEXT_UNITS } from './long-text.js';

type Locale = 'zh-CN' | 'en';

export type PublicSubmission = {
  link: PublicLink;
  form: LiveForm;
  exposed: ReadonlySet<string>;
  data: Record<string, unknown>;
  timezone: string;
  locale: Locale;
};

export type PublicSubmitResult =
  { ok: true; record: StoredRecord } | { ok: false; status: 409 | 422; code: string; items: ProblemItem[] };

const GENERIC = {
  'zh-CN': '表单的其他部分不接受这次提交，请联系表单所有者',
  en: 'another part of the form does not accept this submission; contact the form owner',
};

/**
 * Engine errors as the public sees them: an error on an exposed field (or on the record) keeps its message; one on
 * any other field — a required-by-logic field the link leaves out, a form-level check on hidden values — is reported
 * without that field's id or label (nothing about unexposed fields leaks).
 */
function publicProblems(errors: readonly RecordError[], exposed: ReadonlySet<string>, locale: Locale): ProblemItem[] {
  const shown = recordProblems(
    errors.filter((e) => e.fieldId === null || exposed.has(e.fieldId)),
    locale,
  );
  const hidden = errors.filter((e) => e.fieldId !== null && !exposed.has(e.fieldId));
  if (hidden.length > 0) shown.push({ path: 'data', code: 'FORM_REJECTED', message: GENERIC[locale] });
  return shown;
}

/**
 * An anonymous submission through a public link. Only exposed keys are accepted (any other → 422 with its path,
 * RELIABILITY H5); the engine validates with `writableFieldIds` = the exposed fields and fills defaults and computed
 * values; file refs must be anonymous uploads made for the field; the server fills created/updated-at (created-by
 * stays null) and the store issues serial numbers. Record, history, serials, relation updates, the `record.created`
 * outbox message and the link's submission count commit in ONE transaction (the group commit's, as every record write).
 *
 * This mirrors `prepareCreate`/`applyCreate` in records/ (which need a signed-in actor); merge when that path takes
 * an optional actor.
 */
export async function createPublicRecord(
  ctx: ServerContext,
  files: FileRepository,
  links: PublicLinkRepository,
  submission: PublicSubmission,
): Promise<PublicSubmitResult> {
  const { link, form, exposed, data, locale } = submission;
  const extra = Object.keys(data).filter((key) => !exposed.has(key));
  if (extra.length > 0) {
    const items = extra.map((key) => ({
      path: `data.${key}`,
      code: 'FIELD_NOT_EXPOSED',
      message: locale === 'zh-CN' ? `此外链不接受字段 "${key}"` : `this link does not accept the field "${key}"`,
    }));
    return { ok: false, status: 422, code: 'FIELD_NOT_EXPOSED', items };
  }
  const long = longTextPath(data, 'data', PUBLIC_MAX_TEXT_UNITS);
  if (long !== null) {
    const max = String(PUBLIC_MAX_TEXT_UNITS);
    const message =
      locale === 'zh-CN'
        ? `文字过长：外链表单每项最多 ${max} 个字符`
        : `text too long: at most ${max} characters per value`;
    return { ok: false, status: 422, code: 'TOO_LONG', items: [{ path: long, code: 'TOO_LONG', message }] };
  }
  const now = ctx.now();
  const validated = validateRecord(form.definition, data, {
    registry: ctx.registry,
    mode: 'create',
    context: { now, timezone: submission.timezone },
    writableFieldIds: exposed,
  });
  if (!validated.ok) {
    return { ok: false, status: 422, code: 'INVALID_RECORD', items: publicProblems(validated.errors, exposed, locale) };
  }
  const refs = verifyFileRefs(files, {
    workspaceId: link.workspaceId,
    formId: form.formId,
    form: form.definition,
    values: validated.values,
    uploader: null,
    locale,
  });
  if (!refs.ok) return { ok: false, status: 422, code: 'INVALID_FILE_REF', items: refs.errors };

  const info = formWriteInfo(form.definition);
  const at = now.toISOString();
  const values: RecordData = {};
  for (const [key, value] of Object.entries(refs.values)) if (value !== null) values[key] = value as JsonValue;
  for (const id of [...info.createdAt, ...info.updatedAt]) values[id] = at;
  const derived = deriveRelationValues(ctx, link.workspaceId, form.definition, values);

  return ctx.writes.run<PublicSubmitResult>((abort) => {
    const created = ctx.store.records.createRecord({
      workspaceId: link.workspaceId,
      formId: form.formId,
      formVersion: form.version,
      data: derived,
      actor: null,
      uniqueFields: info.unique,
      serialFields: info.serials,
    });
    if (!created.ok) {
      const shown = exposed.has(created.fieldId);
      const item = {
        path: shown ? `data.${created.fieldId}` : 'data',
        code: 'UNIQUE_CONFLICT',
        message: shown
          ? locale === 'zh-CN'
            ? '该值已被提交过（查重），请检查后再提交'
            : 'this value has already been submitted (it must be unique)'
          : GENERIC[locale],
      };
      return abort({ ok: false, status: 409, code: 'UNIQUE_CONFLICT', items: [item] });
    }
    const record = created.record;
    propagateRelationChanges(ctx, link.workspaceId, record.formId, record.id, null, { created: true });
    ctx.store.records.enqueueOutbox(
      link.workspaceId,
      {
        topic: 'record.created',
        payload: {
          formId: record.formId,
          recordId: record.id,
          version: record.version,
          via: 'publicLink',
          linkId: link.id,
        },
      },
      record.updatedAt,
    );
    links.countSubmission(link.workspaceId, link.id);
    return { ok: true, record };
  });
}

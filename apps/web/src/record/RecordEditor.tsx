import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { FieldDef } from '@formflow/schema';
import type { FormRecord, LiveForm, RecordData } from '../api/types.js';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import { ApiError } from '../api/api-error.js';
import { FormRenderer } from '../runtime/FormRenderer.js';
import { Button, Dialog, ErrorBanner, localized } from '../ui/index.js';
import type { FormatLookups } from '../runtime/format-value.js';
import {
  changedFields,
  conflictCurrent,
  findConflicts,
  resolvePatch,
  type ConflictChoice,
  type FieldConflict,
} from './conflict.js';
import { EscapeScope } from './EscapeScope.js';
import { FieldValue } from './FieldsView.js';

type Pending = {
  /** What the user last saw of the record (the base of "theirs changed"). */
  base: RecordData;
  patch: RecordData;
  conflicts: FieldConflict[];
  version: number;
};

/** Invalidates everything a change to one record shows in: the drawer, its history, grids / kanban / calendar. */
export async function refreshRecord(queryClient: ReturnType<typeof useQueryClient>, formId: string, recordId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.record(recordId) }),
    queryClient.invalidateQueries({ queryKey: keys.history(recordId) }),
    queryClient.invalidateQueries({ queryKey: keys.records(formId) }),
  ]);
}

/**
 * Edits a record with the form renderer: saves only the changed fields with If-Match. When someone else saved first
 * (412), the fields both changed are listed with "yours" and "theirs"; the user keeps either per field and the patch
 * is saved against the new version.
 */
export function RecordEditor({
  form,
  record,
  lookups,
  onDone,
  onCancel,
}: {
  form: LiveForm;
  record: FormRecord;
  lookups: FormatLookups;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('record');
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [dialogError, setDialogError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const settle = useRef<(() => void) | null>(null);

  /** Saves `patch` on `version`; on a 412 opens the conflict dialog (or retries when nothing clashes). */
  const save = async (base: RecordData, patch: RecordData, version: number): Promise<'saved' | 'conflict'> => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (Object.keys(patch).length === 0) break;
      try {
        await endpoints.records.update(record.id, patch, version);
        break;
      } catch (error) {
        const current = error instanceof ApiError && error.status === 412 ? conflictCurrent(error.body) : undefined;
        if (!current) throw error;
        const conflicts = findConflicts(base, patch, current.data);
        if (conflicts.length) {
          setChoices({});
          setDialogError(null);
          setPending({ base: current.data, patch, conflicts, version: current.version });
          return 'conflict';
        }
        version = current.version; // they changed other fields only: my changes still apply
        base = current.data;
      }
    }
    await refreshRecord(queryClient, form.id, record.id);
    onDone();
    return 'saved';
  };

  const onSubmit = async (data: RecordData) => {
    const patch = changedFields(record.data, data, form.access.writable);
    const outcome = await save(record.data, patch, record.version);
    if (outcome === 'conflict')
      await new Promise<void>((resolve) => {
        settle.current = resolve;
      });
  };

  const closeDialog = () => {
    setPending(null);
    settle.current?.();
    settle.current = null;
  };

  const resolveConflict = async () => {
    if (!pending) return;
    setSaving(true);
    setDialogError(null);
    try {
      const patch = resolvePatch(pending.patch, pending.conflicts, choices);
      const outcome = await save(pending.base, patch, pending.version);
      if (outcome === 'saved') closeDialog();
    } catch (error) {
      setDialogError(error);
    } finally {
      setSaving(false);
    }
  };

  const fieldOf = (id: string): FieldDef => form.fields.find((f) => f.id === id) ?? { id, type: 'text', label: id };

  return (
    <>
      <FormRenderer
        form={form}
        formId={form.id}
        mode="edit"
        initialData={record.data}
        writable={form.access.writable}
        onSubmit={onSubmit}
        submitLabel={t('saveChanges')}
        actions={<Button onClick={onCancel}>{t('cancelEdit')}</Button>}
      />
      <EscapeScope>
        <Dialog
          open={pending !== null}
          title={t('conflictTitle')}
          onClose={closeDialog}
          wide
          footer={
            <>
              <Button onClick={closeDialog}>{t('conflictCancel')}</Button>
              <Button variant="primary" onClick={() => void resolveConflict()} disabled={saving}>
                {t('conflictSave')}
              </Button>
            </>
          }
        >
          <p className="ff-record-conflict__intro">{t('conflictIntro')}</p>
          <ErrorBanner error={dialogError} />
          {pending?.conflicts.map((conflict) => {
            const field = fieldOf(conflict.fieldId);
            const choice = choices[conflict.fieldId] ?? 'yours';
            const name = `conflict-${conflict.fieldId}`;
            return (
              <fieldset key={conflict.fieldId} className="ff-record-conflict" data-field={conflict.fieldId}>
                <legend>{localized(field.label)}</legend>
                <label className={'ff-record-conflict__option' + (choice === 'yours' ? ' is-chosen' : '')}>
                  <input
                    type="radio"
                    name={name}
                    checked={choice === 'yours'}
                    onChange={() => setChoices((c) => ({ ...c, [conflict.fieldId]: 'yours' }))}
                  />
                  <span className="ff-record-conflict__who">{t('conflictYours')}</span>
                  <span className="ff-record-conflict__value">
                    <FieldValue field={field} value={conflict.yours} lookups={lookups} />
                  </span>
                </label>
                <label className={'ff-record-conflict__option' + (choice === 'theirs' ? ' is-chosen' : '')}>
                  <input
                    type="radio"
                    name={name}
                    checked={choice === 'theirs'}
                    onChange={() => setChoices((c) => ({ ...c, [conflict.fieldId]: 'theirs' }))}
                  />
                  <span className="ff-record-conflict__who">{t('conflictTheirs')}</span>
                  <span className="ff-record-conflict__value">
                    <FieldValue field={field} value={conflict.theirs} lookups={lookups} />
                  </span>
                </label>
              </fieldset>
            );
          })}
        </Dialog>
      </EscapeScope>
    </>
  );
}

import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FormDef } from '@formflow/schema';
import { endpoints } from '../api/endpoints.js';
import { errorMessage } from '../ui/ErrorBanner.js';
import { canvasRows, insertField, removeField, unplace } from './canvas-rows.js';
import { allFields, columnsOf, findField, withColumns } from './field-tree.js';
import { newFieldId } from './new-id.js';
import type { DraftEditor } from './use-draft-editor.js';

/**
 * Removing, restoring and duplicating fields. A field never published is simply taken out of the draft; a published
 * one is marked deleted by the server (its values stay) and can be restored. `busy` while the server works;
 * `actionError` when it refused.
 */
export function useFieldCommands({
  formId,
  change,
  flush,
  acceptServer,
  latest,
  setSelectedId,
}: {
  formId: string;
  change: (update: (f: FormDef) => FormDef, key?: string) => void;
  flush: DraftEditor['flush'];
  acceptServer: DraftEditor['acceptServer'];
  /** The form and the published field ids as they are now (read in callbacks). */
  latest: { readonly current: { form: FormDef; publishedIds: ReadonlySet<string> } };
  setSelectedId: (update: string | null | ((selected: string | null) => string | null)) => void;
}) {
  const { t } = useTranslation('designer');
  const { t: tc } = useTranslation();
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = useCallback(
    async (id: string) => {
      setActionError(null);
      if (!latest.current.publishedIds.has(id)) {
        change((f) => removeField(f, id));
        setSelectedId((s) => (s === id ? null : s));
        return;
      }
      // A published field is marked deleted by the server (its values stay); first free it from its layout row.
      setBusy(true);
      try {
        change((f) => unplace(f, id));
        if (!(await flush())) {
          setActionError(t('errors.saveFirst'));
          return;
        }
        const draft = await endpoints.forms.deleteField(formId, id);
        acceptServer(draft.definition, 'replace');
        setSelectedId((s) => (s === id ? null : s));
      } catch (error) {
        setActionError(errorMessage(error, tc as never));
      } finally {
        setBusy(false);
      }
    },
    [change, flush, acceptServer, formId, t, tc, latest, setSelectedId],
  );

  const restore = useCallback(
    async (id: string) => {
      setActionError(null);
      setBusy(true);
      try {
        if (!(await flush())) {
          setActionError(t('errors.saveFirst'));
          return;
        }
        const draft = await endpoints.forms.restoreField(formId, id);
        acceptServer(draft.definition, 'replace');
        setSelectedId(id);
      } catch (error) {
        setActionError(errorMessage(error, tc as never));
      } finally {
        setBusy(false);
      }
    },
    [flush, acceptServer, formId, t, tc, setSelectedId],
  );

  const duplicate = useCallback(
    (id: string) => {
      const place = findField(latest.current.form, id);
      if (!place) return;
      const taken = new Set(allFields(latest.current.form).map((p) => p.field.id));
      const fresh = (field: FieldDef): FieldDef => {
        const copyId = newFieldId(taken);
        taken.add(copyId);
        const copy: FieldDef = { ...field, id: copyId };
        delete copy.key;
        if (field.type === 'subtable') return withColumns(copy, columnsOf(field).map(fresh));
        return copy;
      };
      const copy = fresh(place.field);
      if (place.parent) {
        const parent = place.parent;
        change((f) => {
          const index = columnsOf(f.fields.find((x) => x.id === parent.id)!).findIndex((c) => c.id === id);
          return insertField(f, copy, { kind: 'column', subtableId: parent.id, index: index + 1 });
        });
      } else {
        change((f) => {
          const index = canvasRows(f).findIndex((r) => r.fields.includes(id));
          return insertField(f, copy, { kind: 'row', index: index + 1 });
        });
      }
      setSelectedId(copy.id);
    },
    [change, latest, setSelectedId],
  );

  return { remove, restore, duplicate, busy, actionError, setActionError };
}

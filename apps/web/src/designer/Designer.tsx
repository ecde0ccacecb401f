import { useCallback, useMemo, useRef, useState } from 'react';
import { DndContext, MeasuringStrategy } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldType, FormDef } from '@formflow/schema';
import { localized } from '../ui/localized.js';
import { Palette } from './Palette.js';
import { Canvas } from './Canvas.js';
import type { FieldActions } from './CanvasField.js';
import { PropertyPanel, type FieldUpdate } from './PropertyPanel.js';
import { FormPanel } from './rules/FormPanel.js';
import { PublishDialog } from './PublishDialog.js';
import { PublishedPanel } from './PublishedPanel.js';
import { PublicLinksDialog } from '../share/PublicLinksDialog.js';
import { TypeChangeDialog } from './TypeChangeDialog.js';
import { PreviewPane } from './PreviewPane.js';
import { DeletedFields } from './DeletedFields.js';
import { DesignerToolbar } from './DesignerToolbar.js';
import { DismissibleBanner, ProblemBar } from './DesignerNotices.js';
import { MobileTabs, PanelTabs, type MobileTab, type PanelTab } from './DesignerTabs.js';
import { DragChip } from './DragChip.js';
import { useDraftEditor } from './use-draft-editor.js';
import { useDesignerDnd, type DragSource } from './use-designer-dnd.js';
import { useFieldCommands } from './use-field-commands.js';
import { useFillHeight, useTouch } from './use-designer-layout.js';
import { useUndoShortcuts } from './use-undo-shortcuts.js';
import { canvasRows, insertField, moveField, type DropTarget } from './canvas-rows.js';
import { allFields, findField, updateField } from './field-tree.js';
import { createField, defaultSettings, type NewFieldContext } from './create-field.js';
import { UNIQUE_TYPES } from './field-meta.js';
import { designerAccessibility } from './dnd-announcements.js';
import { ruleTargets } from './rule-badges.js';
import { describeRule } from './rules/describe-rule.js';

export function Designer({
  appId,
  formId,
  initial,
  publishedIds,
  appForms,
  onPublished,
  reloadDraft,
}: {
  appId: string;
  formId: string;
  initial: FormDef;
  publishedIds: ReadonlySet<string>;
  appForms: { id: string; name: string; self?: boolean }[];
  onPublished: (version: number) => void;
  reloadDraft: () => Promise<FormDef>;
}) {
  const { t } = useTranslation('designer');
  const editor = useDraftEditor(formId, initial);
  const { form, dispatch, flush, acceptServer, saved } = editor;
  const touch = useTouch();
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(rootRef);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [panelTab, setPanelTab] = useState<PanelTab>('field');
  const [mobileTab, setMobileTab] = useState<MobileTab>('canvas');
  const [preview, setPreview] = useState<null | 'desktop' | 'phone'>(null);
  const [publishing, setPublishing] = useState(false);
  const [typeChange, setTypeChange] = useState<{ field: FieldDef; next: FieldDef } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [publishedVersion, setPublishedVersion] = useState<number | null>(null);
  const [sharing, setSharing] = useState(false);

  const rows = useMemo(() => canvasRows(form), [form]);
  const fieldsById = useMemo(() => new Map(form.fields.map((f) => [f.id, f])), [form.fields]);
  const invalidIds = useMemo(
    () => new Set(editor.problems.map((p) => p.fieldId).filter((id): id is string => Boolean(id))),
    [editor.problems],
  );
  const deleted = useMemo(
    () =>
      allFields(form)
        .filter((p) => p.field.deleted)
        .map((p) => p.field),
    [form],
  );

  const latest = useRef({ form, rows, publishedIds, appForms, t });
  latest.current = { form, rows, publishedIds, appForms, t };
  const accessibility = useMemo(() => designerAccessibility(t as never, () => latest.current.form), [t]);
  // Fields a rule shows, requires, locks or fills: a badge on the canvas, the conditions in its tooltip.
  const ruleNotes = useMemo(() => {
    const notes = new Map<string, { kinds: string; title: string }>();
    for (const [id, rules] of ruleTargets(form.logic)) {
      const kinds = [...new Set(rules.map((r) => r.kind))].join(' ');
      const title = rules
        .map((r) => t(`canvas.ruleTitle.${r.kind}`, { when: describeRule(r.rule, fieldsById, t as never).when }))
        .join('\n');
      notes.set(id, { kinds, title });
    }
    return notes;
  }, [form.logic, fieldsById, t]);

  const change = useCallback(
    (update: (f: FormDef) => FormDef, key?: string) => dispatch({ type: 'change', update, key, at: Date.now() }),
    [dispatch],
  );

  const newFieldContext = useCallback((): NewFieldContext => {
    const { form: current, appForms: forms, t: tr } = latest.current;
    return {
      form: current,
      label: '',
      optionName: (n) => tr('props.optionName', { n }),
      descriptionText: tr('defaults.description'),
      relationFormId: forms.find((f) => !f.self)?.id ?? formId,
    };
  }, [formId]);

  const addField = useCallback(
    (type: FieldType, target?: DropTarget) => {
      const ctx = newFieldContext();
      const field = createField(type, { ...ctx, label: latest.current.t(`types.${type}`) });
      change((f) => insertField(f, field, target ?? { kind: 'row', index: canvasRows(f).length }));
      setSelectedId(field.id);
      setPanelTab('field');
      setMobileTab('canvas');
      requestAnimationFrame(() => {
        document.querySelector(`[data-field-id="${field.id}"]`)?.scrollIntoView({ block: 'nearest' });
      });
    },
    [change, newFieldContext],
  );

  const onDrop = useCallback(
    (source: DragSource, target: DropTarget) => {
      if (source.source === 'palette') addField(source.type, target);
      else {
        change((f) => moveField(f, source.fieldId, target));
        setSelectedId(source.fieldId);
      }
    },
    [addField, change],
  );
  const dnd = useDesignerDnd({ form, rows, touch, canvasRef, onDrop });

  const { remove, restore, duplicate, busy, actionError, setActionError } = useFieldCommands({
    formId,
    change,
    flush,
    acceptServer,
    latest,
    setSelectedId,
  });

  const actions: FieldActions = useMemo(
    () => ({
      select: (id: string) => {
        setSelectedId(id);
        setPanelTab('field');
      },
      remove: (id: string) => void remove(id),
      duplicate,
    }),
    [remove, duplicate],
  );

  const onUpdate: FieldUpdate = useCallback(
    (fieldId, update, key) => change((f) => updateField(f, fieldId, update), `${fieldId}:${key}`),
    [change],
  );

  const onChangeType = useCallback(
    (fieldId: string, type: FieldType) => {
      const { form: current } = latest.current;
      const place = findField(current, fieldId);
      if (!place) return;
      const old = place.field;
      const settings =
        (old.type === 'select' || old.type === 'multiselect') && (type === 'select' || type === 'multiselect')
          ? { options: old.settings?.['options'] ?? [] }
          : defaultSettings(type, { ...newFieldContext(), label: '' });
      const next: FieldDef = { id: old.id, type, label: old.label };
      for (const key of ['key', 'description', 'required', 'hidden', 'readonly'] as const) {
        if (old[key] !== undefined) (next as Record<string, unknown>)[key] = old[key];
      }
      if (old.unique && UNIQUE_TYPES.includes(type)) next.unique = true;
      if (settings) next.settings = settings;
      const stored = !place.parent && saved().fields.some((f) => f.id === fieldId);
      if (stored) setTypeChange({ field: old, next });
      else change((f) => updateField(f, fieldId, () => next), `${fieldId}:type`);
    },
    [change, saved, newFieldContext],
  );

  useUndoShortcuts(dispatch);

  // A selection that no longer exists (undo, delete) is dropped.
  const selected = selectedId ? findField(form, selectedId) : undefined;
  const selectedField = selected && !selected.field.deleted ? selected : undefined;
  const fieldProblems = useMemo(
    () => editor.problems.filter((p) => selectedId && p.fieldId === selectedId),
    [editor.problems, selectedId],
  );
  const storedIds = saved();

  return (
    <div ref={rootRef} className="dz" style={{ height }} data-tab={mobileTab}>
      <DesignerToolbar
        appId={appId}
        formName={form.name}
        editor={editor}
        previewing={preview !== null}
        onTogglePreview={() => setPreview((p) => (p ? null : touch ? 'phone' : 'desktop'))}
        onPublish={() => setPublishing(true)}
      />
      {publishedVersion !== null ? (
        <PublishedPanel
          appId={appId}
          formId={formId}
          version={publishedVersion}
          onShare={() => setSharing(true)}
          onClose={() => setPublishedVersion(null)}
        />
      ) : null}
      {notice ? <DismissibleBanner info message={notice} onClose={() => setNotice(null)} /> : null}
      {actionError ? <DismissibleBanner message={actionError} onClose={() => setActionError(null)} /> : null}
      {editor.problems.length > 0 ? (
        <ProblemBar
          form={form}
          problems={editor.problems}
          onSelectField={actions.select}
          onShowForm={() => setPanelTab('form')}
        />
      ) : null}
      <MobileTabs tab={mobileTab} onTab={setMobileTab} />
      <DndContext
        sensors={dnd.sensors}
        collisionDetection={dnd.collision}
        accessibility={accessibility}
        measuring={{ droppable: { strategy: MeasuringStrategy.WhileDragging } }}
        {...dnd.handlers}
      >
        <div className="dz-body">
          <aside className="dz-pane dz-pane--palette">
            <Palette onAdd={addField} touch={touch} />
          </aside>
          <main className="dz-pane dz-pane--canvas" ref={canvasRef}>
            {preview ? (
              <PreviewPane form={form} width={preview} onWidth={setPreview} />
            ) : (
              <div className="dz-sheet">
                <div className="dz-sheet__title">{localized(form.name)}</div>
                <Canvas
                  rows={rows}
                  fieldsById={fieldsById}
                  selectedId={selectedField ? selectedId : null}
                  hint={dnd.hint}
                  invalidIds={invalidIds}
                  ruleNotes={ruleNotes}
                  actions={actions}
                  touch={touch}
                />
                <DeletedFields fields={deleted} onRestore={(id) => void restore(id)} busy={busy} />
              </div>
            )}
          </main>
          <aside className="dz-pane dz-pane--props">
            <PanelTabs tab={panelTab} onTab={setPanelTab} />
            {panelTab === 'form' ? (
              <FormPanel form={form} problems={editor.problems} onChange={change} />
            ) : selectedField ? (
              <PropertyPanel
                key={selectedField.field.id}
                field={selectedField.field}
                parent={selectedField.parent}
                stored={!selectedField.parent && storedIds.fields.some((f) => f.id === selectedField.field.id)}
                problems={fieldProblems}
                formFields={form.fields}
                appForms={appForms}
                onUpdate={onUpdate}
                onChangeType={onChangeType}
              />
            ) : (
              <p className="dz-muted dz-props__empty">{t('panel.nothing')}</p>
            )}
          </aside>
        </div>
        <DragChip active={dnd.active} form={form} />
      </DndContext>
      {publishing ? (
        <PublishDialog
          formId={formId}
          appId={appId}
          form={form}
          flush={flush}
          onClose={() => setPublishing(false)}
          onPublished={(version) => {
            setPublishing(false);
            setNotice(null);
            setPublishedVersion(version);
            onPublished(version);
          }}
        />
      ) : null}
      {sharing ? <PublicLinksDialog formId={formId} form={form} onClose={() => setSharing(false)} /> : null}
      {typeChange ? (
        <TypeChangeDialog
          formId={formId}
          field={typeChange.field}
          next={typeChange.next}
          flush={flush}
          onClose={() => setTypeChange(null)}
          onApplied={() => {
            setTypeChange(null);
            void reloadDraft().then((definition) => {
              acceptServer(definition, 'reset');
              setNotice(t('typeChange.done'));
            });
          }}
        />
      ) : null}
    </div>
  );
}

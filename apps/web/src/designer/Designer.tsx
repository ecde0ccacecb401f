import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DndContext, DragOverlay, MeasuringStrategy } from '@dnd-kit/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldType, FormDef } from '@formflow/schema';
import { endpoints } from '../api/endpoints.js';
import { Button } from '../ui/Button.js';
import { errorMessage } from '../ui/ErrorBanner.js';
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
import { useDraftEditor } from './use-draft-editor.js';
import { useDesignerDnd, type DragSource } from './use-designer-dnd.js';
import { canvasRows, insertField, moveField, removeField, unplace, type DropTarget } from './canvas-rows.js';
import { allFields, columnsOf, findField, updateField, withColumns } from './field-tree.js';
import { createField, defaultSettings, type NewFieldContext } from './create-field.js';
import { UNIQUE_TYPES } from './field-meta.js';
import { FieldIcon } from './FieldIcon.js';
import { newFieldId } from './new-id.js';
import { SaveStatusBadge } from './SaveStatusBadge.js';
import { designerAccessibility } from './dnd-announcements.js';
import { ruleTargets } from './rule-badges.js';
import { describeRule } from './rules/describe-rule.js';

type MobileTab = 'palette' | 'canvas' | 'props';

function useTouch(): boolean {
  return useMemo(() => typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches === true, []);
}

/** Fills the viewport below wherever the shell puts the designer. */
function useFillHeight(ref: React.RefObject<HTMLElement | null>) {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setTop(Math.max(0, (ref.current?.getBoundingClientRect().top ?? 0) + window.scrollY));
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref]);
  return `calc(100dvh - ${top}px)`;
}

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
  const { t: tc } = useTranslation();
  const editor = useDraftEditor(formId, initial);
  const { form, dispatch, flush, acceptServer, saved } = editor;
  const touch = useTouch();
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(rootRef);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [panelTab, setPanelTab] = useState<'field' | 'form'>('field');
  const [mobileTab, setMobileTab] = useState<MobileTab>('canvas');
  const [preview, setPreview] = useState<null | 'desktop' | 'phone'>(null);
  const [publishing, setPublishing] = useState(false);
  const [typeChange, setTypeChange] = useState<{ field: FieldDef; next: FieldDef } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [publishedVersion, setPublishedVersion] = useState<number | null>(null);
  const [sharing, setSharing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    [change, flush, acceptServer, formId, t, tc],
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
    [flush, acceptServer, formId, t, tc],
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
    [change],
  );

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

  // Undo / redo from the keyboard (not while a dialog is open).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) dispatch({ type: 'undo' });
      else if ((key === 'z' && event.shiftKey) || key === 'y') dispatch({ type: 'redo' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);

  // A selection that no longer exists (undo, delete) is dropped.
  const selected = selectedId ? findField(form, selectedId) : undefined;
  const selectedField = selected && !selected.field.deleted ? selected : undefined;
  const fieldProblems = useMemo(
    () => editor.problems.filter((p) => selectedId && p.fieldId === selectedId),
    [editor.problems, selectedId],
  );
  const storedIds = saved();
  const draggedLabel =
    dnd.active?.source === 'palette'
      ? { type: dnd.active.type, text: t(`types.${dnd.active.type}`) }
      : dnd.active?.source === 'field'
        ? (() => {
            const f = findField(form, dnd.active.fieldId)?.field;
            return f ? { type: f.type, text: localized(f.label) } : null;
          })()
        : null;

  return (
    <div ref={rootRef} className="dz" style={{ height }} data-tab={mobileTab}>
      <header className="dz-toolbar">
        <Link to={`/apps/${encodeURIComponent(appId)}`} className="dz-back" aria-label={t('toolbar.back')}>
          ←
        </Link>
        <h1 className="dz-title">{localized(form.name) || t('toolbar.untitled')}</h1>
        <SaveStatusBadge status={editor.status} problems={editor.problems.length} onRetry={() => void flush()} />
        <div className="dz-toolbar__spacer" />
        <Button
          small
          variant="ghost"
          disabled={!editor.canUndo}
          onClick={() => dispatch({ type: 'undo' })}
          aria-label={t('toolbar.undo')}
          title={t('toolbar.undoKey')}
        >
          ↶<span className="dz-hide-phone"> {t('toolbar.undo')}</span>
        </Button>
        <Button
          small
          variant="ghost"
          disabled={!editor.canRedo}
          onClick={() => dispatch({ type: 'redo' })}
          aria-label={t('toolbar.redo')}
          title={t('toolbar.redoKey')}
        >
          ↷<span className="dz-hide-phone"> {t('toolbar.redo')}</span>
        </Button>
        <Button
          small
          aria-pressed={preview !== null}
          onClick={() => setPreview((p) => (p ? null : touch ? 'phone' : 'desktop'))}
        >
          {preview ? t('toolbar.closePreview') : t('toolbar.preview')}
        </Button>
        <Button small variant="primary" onClick={() => setPublishing(true)}>
          {t('toolbar.publish')}
        </Button>
      </header>
      {publishedVersion !== null ? (
        <PublishedPanel
          appId={appId}
          formId={formId}
          version={publishedVersion}
          onShare={() => setSharing(true)}
          onClose={() => setPublishedVersion(null)}
        />
      ) : null}
      {notice ? (
        <div className="ff-banner ff-banner--info dz-notice" role="status">
          {notice}
          <button type="button" className="dz-mini" aria-label={tc('close')} onClick={() => setNotice(null)}>
            ✕
          </button>
        </div>
      ) : null}
      {actionError ? (
        <div className="ff-banner dz-notice" role="alert">
          {actionError}
          <button type="button" className="dz-mini" aria-label={tc('close')} onClick={() => setActionError(null)}>
            ✕
          </button>
        </div>
      ) : null}
      {editor.problems.length > 0 ? (
        <details className="dz-problembar" role="alert" open>
          <summary>{t('problems.title', { count: editor.problems.length })}</summary>
          <ul>
            {editor.problems.map((p, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="dz-linkbtn"
                  onClick={() => {
                    if (p.fieldId) actions.select(p.fieldId);
                    else if (p.ruleIndex !== undefined) setPanelTab('form');
                  }}
                >
                  <code>
                    {p.fieldId ? localized(findField(form, p.fieldId)?.field.label) || p.path : p.path || '—'}
                  </code>
                </button>{' '}
                {p.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="dz-tabs" role="tablist" aria-label={t('tabs.label')}>
        {(['palette', 'canvas', 'props'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={mobileTab === tab}
            onClick={() => setMobileTab(tab)}
          >
            {t(`tabs.${tab}`)}
          </button>
        ))}
      </div>
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
            <div className="dz-paneltabs" role="tablist" aria-label={t('panel.label')}>
              <button
                type="button"
                role="tab"
                aria-selected={panelTab === 'field'}
                onClick={() => setPanelTab('field')}
              >
                {t('panel.field')}
              </button>
              <button type="button" role="tab" aria-selected={panelTab === 'form'} onClick={() => setPanelTab('form')}>
                {t('panel.form')}
              </button>
            </div>
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
        <DragOverlay dropAnimation={null}>
          {draggedLabel ? (
            <div className="dz-dragchip">
              <FieldIcon type={draggedLabel.type} />
              {draggedLabel.text}
            </div>
          ) : null}
        </DragOverlay>
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

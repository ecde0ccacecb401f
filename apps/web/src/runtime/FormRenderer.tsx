import type { LogicContext } from '@formflow/engine';
import type { FieldDef, FormDef } from '@formflow/schema';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useController, useForm, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError } from '../api/api-error.js';
import { endpoints } from '../api/endpoints.js';
import type { Me, RecordData } from '../api/types.js';
import { keys } from '../api/query-keys.js';
import type { Language } from '../i18n/current-language.js';
import { publicApi } from '../public/public-api.js';
import { Button } from '../ui/Button.js';
import { errorMessage } from '../ui/ErrorBanner.js';
import { clearDraft, draftKeyFor, hasInput, readDraft, retryDelay, writeDraft } from './draft.js';
import { FieldShell } from './field-shell.js';
import { previewOf } from './fields/file-previews.js';
import { FIELD_RENDERERS } from './fields/registry.js';
import type { RendererContext } from './fields/types.js';
import { viewerTimeZone } from './format-value.js';
import { buildPayload, createEngineResolver, isUserWritable, liveState, type RuntimeOptions } from './form-model.js';
import { layoutBlocks } from './layout.js';
import { errorAt, ROOT_KEY, toFieldPath } from './record-errors.js';
import './runtime.css';

/**
 * CONTRACT (the runtime area replaces this placeholder, keeping the props): renders a form for filling or editing
 * with react-hook-form, the engine's resolver (validateRecord) and live logic (evaluateForm).
 */
export type FormRendererProps = {
  form: FormDef;
  /** Where uploads go (`/forms/:formId/files`); absent in the designer preview (uploads disabled). */
  formId?: string;
  /** 'submit' a new record, 'edit' an existing one, 'preview' in the designer (no submit to the server). */
  mode: 'submit' | 'edit' | 'preview';
  initialData?: RecordData;
  /** Field ids the caller may write (from `access.writable`); all when absent. */
  writable?: string[];
  /** Resolves when saved; rejects with ApiError (shown beside the fields) or NetworkError (draft kept, retried). */
  onSubmit?: (data: RecordData) => Promise<void>;
  /** Phone layout (one column); the designer preview forces it. */
  compact?: boolean;
  submitLabel?: string;
  /** Public form: uploads through the public link. */
  publicToken?: string;
  /** Who fills the form: `$member` in rules, and "current member / department" defaults. */
  member?: LogicContext['member'];
  /** Extra buttons beside submit (e.g. cancel in a drawer). */
  actions?: ReactNode;
};

/** The values a new form starts with: the given data, then "current member / department" defaults. */
function startValues(form: FormDef, props: FormRendererProps): RecordData {
  const out: RecordData = { ...props.initialData };
  if (props.mode === 'edit' || !props.member) return out;
  for (const field of form.fields) {
    if (field.deleted || out[field.id] !== undefined) continue;
    const multiple = field.settings?.multiple === true;
    if (field.type === 'member' && field.settings?.defaultCurrentMember === true)
      out[field.id] = multiple ? [props.member.id] : props.member.id;
    const department = props.member.departmentIds?.[0];
    if (field.type === 'department' && field.settings?.defaultCurrentDepartment === true && department)
      out[field.id] = multiple ? [department] : department;
  }
  return out;
}

type SlotProps = {
  field: FieldDef;
  control: Control<RecordData>;
  value: unknown;
  readOnly: boolean;
  required: boolean;
  error?: string;
  ctx: RendererContext;
};

/** A field the user types into: bound to react-hook-form (its value, blur and focus-on-error). */
function FieldSlot({ field, control, ...rest }: SlotProps) {
  const { field: bound } = useController({ name: field.id, control });
  return (
    <FieldShell
      {...rest}
      field={field}
      renderer={FIELD_RENDERERS[field.type]}
      id={`ff-${field.id}`}
      path={field.id}
      onChange={bound.onChange}
      onBlur={bound.onBlur}
      inputRef={bound.ref}
    />
  );
}

/**
 * A form being filled: react-hook-form holds what the user typed; the engine gives, on every change, defaults,
 * computed values, visibility, required and read-only per field (the same code the server runs), and validates on
 * submit with `validateRecord`. Server refusals land beside their fields; a lost connection keeps a draft and retries.
 */
export function FormRenderer(props: FormRendererProps) {
  const { form, mode, compact = false } = props;
  const { t, i18n } = useTranslation('runtime');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  // Drafts belong to the signed-in member (read from the session already loaded by the sign-in guard) or to a
  // public link's tab; without either (the designer preview) there is no draft.
  const queryClient = useQueryClient();
  const memberId = queryClient.getQueryData<Me>(keys.me)?.member.id;
  const draftKey = mode === 'submit' ? draftKeyFor(props.formId ?? form.id, memberId, props.publicToken) : undefined;
  const [restored] = useState(() => (draftKey ? readDraft(draftKey) : null));
  const [showRestored, setShowRestored] = useState(() => restored !== null && hasInput(restored.values));
  const writable = useMemo(() => (props.writable ? new Set(props.writable) : undefined), [props.writable]);
  const context = useMemo<LogicContext>(
    () => ({ ...(props.member ? { member: props.member } : {}), timezone: viewerTimeZone() }),
    [props.member],
  );
  const [base] = useState(() => startValues(form, props));

  const optionsRef = useRef<RuntimeOptions>({ mode, initialData: props.initialData, writable, context });
  const languageRef = useRef(language);
  const resolver = useMemo(
    () =>
      createEngineResolver(
        form,
        () => optionsRef.current,
        () => languageRef.current,
      ),
    [form],
  );
  const { control, formState, handleSubmit, setError, reset, setFocus } = useForm<RecordData>({
    defaultValues: { ...base, ...restored?.values },
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const values = useWatch({ control }) as RecordData;
  const { errors, dirtyFields, isDirty } = formState;
  const options: RuntimeOptions = {
    mode,
    initialData: props.initialData,
    writable,
    context,
    dirty: new Set(Object.keys(dirtyFields)),
  };
  optionsRef.current = options;
  languageRef.current = language;
  const live = liveState(form, values, options);

  const [status, setStatus] = useState<'idle' | 'sending' | 'offline' | 'checked'>('idle');
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const inFlight = useRef(false);
  const submitted = useRef(false);

  const isShown = (fieldId: string) => live.state.fields[fieldId]?.visible === true;

  const applyRefusal = (error: unknown) => {
    const unplaced: string[] = [];
    let first: string | undefined;
    if (error instanceof ApiError && error.errors.length > 0) {
      for (const item of error.errors) {
        const path = toFieldPath(item.path);
        const top = ApiError.fieldOf(item);
        const field = form.fields.find((f) => f.id === top);
        if (path && field && isShown(field.id)) {
          setError(path, { type: item.code ?? 'server', message: item.message });
          first ??= field.id;
        } else if (!unplaced.includes(item.message)) unplaced.push(item.message);
      }
    } else unplaced.push(errorMessage(error, tc as never));
    setProblems(unplaced);
    if (first) {
      try {
        setFocus(first, { shouldSelect: false });
      } catch {
        // the field has no focusable control
      }
    }
  };

  const send = async (current: RecordData) => {
    const payload = buildPayload(form, current, optionsRef.current);
    if (!props.onSubmit) {
      setStatus('checked');
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    setStatus('sending');
    setProblems([]);
    try {
      await props.onSubmit(payload);
      submitted.current = true;
      if (draftKey) clearDraft(draftKey);
      setAttempt(0);
      setStatus('idle');
      if (mode === 'edit') reset(current);
    } catch (error) {
      if (error instanceof NetworkError) {
        if (draftKey) writeDraft(draftKey, current);
        setAttempt((a) => a + 1);
        setStatus('offline');
      } else {
        setAttempt(0);
        setStatus('idle');
        applyRefusal(error);
      }
    } finally {
      inFlight.current = false;
    }
  };
  const submit = handleSubmit(send, () => {
    setAttempt(0);
    setStatus('idle');
    setProblems([]);
  });
  const submitRef = useRef(submit);
  submitRef.current = submit;

  // Offline: retry with backoff, and at once when the browser says the connection is back.
  useEffect(() => {
    if (status !== 'offline') return;
    const timer = setTimeout(() => void submitRef.current(), retryDelay(attempt));
    const online = () => void submitRef.current();
    window.addEventListener('online', online);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', online);
    };
  }, [status, attempt]);

  // The draft follows what the user types (submit mode), and is dropped once the record is saved.
  useEffect(() => {
    if (!draftKey || submitted.current || !isDirty) return;
    const timer = setTimeout(() => {
      if (submitted.current) return;
      if (hasInput(values)) writeDraft(draftKey, values);
      else clearDraft(draftKey);
    }, 300);
    return () => clearTimeout(timer);
  }, [draftKey, values, isDirty]);

  const ctx: RendererContext = {
    mode,
    compact,
    language,
    upload:
      mode === 'preview' || (!props.formId && !props.publicToken)
        ? undefined
        : (fieldPath, file, onProgress) => {
            // Sub-table cells upload for `subtable.column` (no row index).
            const target = fieldPath
              .split('.')
              .filter((part) => !/^\d+$/.test(part))
              .join('.');
            return props.publicToken
              ? publicApi.upload(props.publicToken, target, file, onProgress)
              : endpoints.files.upload(props.formId!, target, file, onProgress);
          },
    fileUrl: (ref) => previewOf(ref.id) ?? (props.publicToken ? null : endpoints.files.url(ref.id)),
    errorAt: (path) => errorAt(errors, path)?.message,
    renderers: FIELD_RENDERERS,
  };

  const renderField = (field: FieldDef) => {
    const state = live.state.fields[field.id];
    if (!state?.visible) return null;
    const renderer = FIELD_RENDERERS[field.type];
    const value = live.values[field.id] ?? null;
    const error = errorAt(errors, field.id)?.message;
    if (renderer.label === 'layout' || !isUserWritable(field, writable)) {
      return (
        <FieldShell
          key={field.id}
          field={field}
          renderer={renderer}
          id={`ff-${field.id}`}
          path={field.id}
          value={value}
          onChange={() => undefined}
          onBlur={() => undefined}
          readOnly={renderer.label !== 'layout'}
          required={false}
          error={error}
          ctx={ctx}
        />
      );
    }
    return (
      <FieldSlot
        key={field.id}
        field={field}
        control={control}
        value={value}
        readOnly={state.readonly}
        required={state.required}
        error={error}
        ctx={ctx}
      />
    );
  };

  const rootError = (errors as FieldErrors & { [ROOT_KEY]?: { message?: string } })[ROOT_KEY]?.message;
  const banners = [...(rootError ? rootError.split('\n') : []), ...problems];

  return (
    <form
      className={'ff-rt' + (compact ? ' ff-rt--compact' : '')}
      noValidate
      aria-label={t('formLabel')}
      onSubmit={(event) => void submit(event)}
    >
      {showRestored ? (
        <div className="ff-banner ff-banner--info ff-rt-banner" role="status">
          <span>{t('draft.restored')}</span>
          <Button
            small
            variant="ghost"
            onClick={() => {
              if (draftKey) clearDraft(draftKey);
              reset(base);
              setShowRestored(false);
            }}
          >
            {t('draft.discard')}
          </Button>
        </div>
      ) : null}
      <div className="ff-rt-body">
        {layoutBlocks(form).map((block) => {
          if (block.kind === 'field') return renderField(block.field);
          const shown = block.fields.filter((f) => live.state.fields[f.id]?.visible);
          if (shown.length === 0) return null;
          return (
            <div
              key={block.id}
              className="ff-rt-row"
              style={{ ['--ff-rt-cols' as string]: String(Math.min(4, shown.length)) }}
            >
              {shown.map(renderField)}
            </div>
          );
        })}
      </div>
      {banners.length > 0 ? (
        <div className="ff-banner ff-rt-banner" role="alert">
          <ul className="ff-rt-problems">
            {banners.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {status === 'offline' ? (
        <div className="ff-banner ff-rt-banner ff-rt-offline" role="alert">
          <span>{t('offline.message')}</span>
          <Button small onClick={() => void submitRef.current()}>
            {t('offline.retryNow')}
          </Button>
        </div>
      ) : null}
      {status === 'checked' ? (
        <div className="ff-banner ff-banner--info ff-rt-banner" role="status">
          {t('preview.valid')}
        </div>
      ) : null}
      <div className="ff-rt-footer">
        {props.actions}
        <Button type="submit" variant="primary" className="ff-rt-submit" disabled={status === 'sending'}>
          {status === 'sending'
            ? t('sending')
            : (props.submitLabel ??
              (mode === 'edit' ? tc('save') : mode === 'preview' ? t('preview.check') : t('submit')))}
        </Button>
      </div>
    </form>
  );
}

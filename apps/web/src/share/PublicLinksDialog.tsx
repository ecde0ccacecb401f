import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Check, Copy, ExternalLink, Link2, Plus, Trash2 } from 'lucide-react';
import type { FormDef } from '@formflow/schema';
import { ApiError, type ProblemItem } from '../api/api-error.js';
import { endpoints, type PublicLink } from '../api/endpoints.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { errorMessage } from '../ui/ErrorBanner.js';
import { Spinner } from '../ui/Spinner.js';
import { localized } from '../ui/localized.js';
import { defaultLinkFields, linkFieldChoices, publicUrl } from './link-fields.js';
import './share.css';

/** React Query key of a form's public links. */
export const publicLinksKey = (formId: string) => ['public-links', formId] as const;

/** The address of a link in a read-only input (select-all on focus) with a Copy button; falls back to selecting it. */
function LinkAddress({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation('share');
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setCopied('yes');
      window.setTimeout(() => setCopied((c) => (c === 'yes' ? null : c)), 2000);
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied('manual');
    }
  };
  return (
    <div className="ff-share__address">
      <div className="ff-share__addressrow">
        <input
          ref={input}
          className="ff-input ff-share__url"
          readOnly
          value={url}
          aria-label={label}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button onClick={() => void copy()} aria-live="polite">
          {copied === 'yes' ? <Check size={16} aria-hidden="true" /> : <Copy size={16} aria-hidden="true" />}
          {copied === 'yes' ? t('copied') : t('copy')}
        </Button>
        <a className="ff-btn ff-btn--ghost" href={url} target="_blank" rel="noopener noreferrer">
          <ExternalLink size={16} aria-hidden="true" />
          <span className="ff-share__hide-phone">{t('openLink')}</span>
        </a>
      </div>
      {copied === 'manual' ? (
        <p className="ff-share__hint" role="status">
          {t('copyManually')}
        </p>
      ) : null}
    </div>
  );
}

function LinkCard({ link, fresh, formId }: { link: PublicLink; fresh: boolean; formId: string }) {
  const { t, i18n } = useTranslation('share');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: publicLinksKey(formId) });
  const toggle = useMutation({
    mutationFn: () => endpoints.publicLinks.update(link.id, { enabled: !link.enabled }),
    onSuccess: (next) => {
      queryClient.setQueryData<PublicLink[]>(publicLinksKey(formId), (list) =>
        list?.map((l) => (l.id === next.id ? next : l)),
      );
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => endpoints.publicLinks.remove(link.id),
    onSuccess: () => {
      queryClient.setQueryData<PublicLink[]>(publicLinksKey(formId), (list) => list?.filter((l) => l.id !== link.id));
      void refresh();
    },
  });
  const name = link.name || t('linkName');
  const status = link.open ? 'open' : link.enabled ? 'expired' : 'disabled';
  const error = toggle.error ?? remove.error;
  const created = new Date(link.createdAt).toLocaleDateString(i18n.language);
  return (
    <li
      className={'ff-share__link' + (fresh ? ' is-fresh' : '') + (link.open ? '' : ' is-closed')}
      aria-label={t('linkOf', { name })}
    >
      <div className="ff-share__linkhead">
        <Link2 size={16} aria-hidden="true" className="ff-share__linkicon" />
        <strong className="ff-share__linkname">{name}</strong>
        <span className={`ff-tag ff-share__status ff-share__status--${status}`}>{t(`status.${status}`)}</span>
        <span className="ff-share__meta">
          {t('fieldCount', { count: link.fields.length })} · {t('submissions', { count: link.submissions })} ·{' '}
          {t('created', { date: created })}
        </span>
      </div>
      <LinkAddress url={publicUrl(window.location.origin, link.token)} label={t('url')} />
      {error ? (
        <div className="ff-banner" role="alert">
          {errorMessage(error, tc as never)}
        </div>
      ) : null}
      {confirming ? (
        <div className="ff-share__confirm" role="group" aria-label={t('confirmRemove')}>
          <span>{t('confirmRemove')}</span>
          <Button small variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {t('confirmRemoveYes')}
          </Button>
          <Button small onClick={() => setConfirming(false)}>
            {tc('cancel')}
          </Button>
        </div>
      ) : (
        <div className="ff-share__actions">
          <Button small disabled={toggle.isPending} onClick={() => toggle.mutate()}>
            {link.enabled ? t('disable') : t('enable')}
          </Button>
          <Button small variant="ghost" onClick={() => setConfirming(true)}>
            <Trash2 size={14} aria-hidden="true" />
            {t('remove')}
          </Button>
        </div>
      )}
    </li>
  );
}

/**
 * Field-level problems of a refused create (`body.fields[i]` → the i-th field sent; a required field left out is
 * named in its message), and the others.
 */
function splitProblems(
  error: unknown,
  sent: string[],
  known: ReadonlySet<string>,
): { byField: Map<string, string[]>; general: string[] } {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  if (!(error instanceof ApiError)) return { byField, general };
  for (const item of error.errors as ProblemItem[]) {
    const match = /fields\[(\d+)\]/.exec(item.path ?? '');
    const named = /"([^"]+)"/.exec(item.message)?.[1];
    const id = match ? sent[Number(match[1])] : named && known.has(named) ? named : undefined;
    if (id) byField.set(id, [...(byField.get(id) ?? []), item.message]);
    else general.push(item.message);
  }
  if (error.errors.length === 0) general.push(error.message);
  return { byField, general };
}

function CreateLink({
  formId,
  form,
  onCreated,
  onCancel,
}: {
  formId: string;
  form: FormDef;
  onCreated: (link: PublicLink) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('share');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const choices = useMemo(() => linkFieldChoices(form), [form]);
  const allowed = useMemo(() => defaultLinkFields(form), [form]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(allowed));
  const [name, setName] = useState('');
  const [sent, setSent] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: (fields: string[]) =>
      endpoints.publicLinks.create(formId, { fields, ...(name.trim() ? { name: name.trim() } : {}) }),
    onSuccess: (link) => {
      queryClient.setQueryData<PublicLink[]>(publicLinksKey(formId), (list) => [link, ...(list ?? [])]);
      void queryClient.invalidateQueries({ queryKey: publicLinksKey(formId) });
      onCreated(link);
    },
  });
  const known = useMemo(() => new Set(choices.map((c) => c.field.id)), [choices]);
  const problems = create.error ? splitProblems(create.error, sent, known) : { byField: new Map(), general: [] };
  const generalProblems =
    create.error && !(create.error instanceof ApiError && create.error.status === 422)
      ? [errorMessage(create.error, tc as never)]
      : problems.general;
  const submit = () => {
    // Keep the form's order; a refused field the user kept checked is sent too, so the server names it.
    const fields = choices.map((c) => c.field.id).filter((id) => chosen.has(id));
    setSent(fields);
    create.mutate(fields);
  };
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <section className="ff-share__create" aria-labelledby="ff-share-create">
      <h4 id="ff-share-create">{t('createTitle')}</h4>
      <label className="ff-share__label" htmlFor="ff-share-name">
        {t('name')}
      </label>
      <input
        id="ff-share-name"
        className="ff-input"
        maxLength={100}
        value={name}
        placeholder={t('namePlaceholder')}
        onChange={(e) => setName(e.target.value)}
      />
      <fieldset className="ff-share__fields">
        <legend>
          {t('fields')}
          <span className="ff-share__bulk">
            <button type="button" className="ff-share__linkbtn" onClick={() => setChosen(new Set(allowed))}>
              {t('selectAll')}
            </button>
            <button type="button" className="ff-share__linkbtn" onClick={() => setChosen(new Set())}>
              {t('selectNone')}
            </button>
          </span>
        </legend>
        {generalProblems.length > 0 ? (
          <ul className="ff-share__problems" role="alert">
            {generalProblems.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ) : null}
        {allowed.length === 0 ? <p className="ff-share__hint">{t('noEligible')}</p> : null}
        <ul className="ff-share__fieldlist">
          {choices.map(({ field, refused }) => {
            const messages: string[] = problems.byField.get(field.id) ?? [];
            const label = localized(field.label) || field.id;
            return (
              <li key={field.id} className={refused ? 'is-refused' : ''}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(field.id)}
                    disabled={Boolean(refused) && !chosen.has(field.id)}
                    onChange={(e) => toggle(field.id, e.target.checked)}
                  />
                  <span>{label}</span>
                  {field.required ? <span className="ff-share__req">*</span> : null}
                </label>
                {refused ? <span className="ff-share__why">{t(refused)}</span> : null}
                {messages.map((m, i) => (
                  <span key={i} className="ff-share__problem" role="alert">
                    {m}
                  </span>
                ))}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="ff-share__actions">
        <Button variant="primary" disabled={create.isPending || chosen.size === 0} onClick={submit}>
          {create.isPending ? t('creating') : t('create')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{tc('cancel')}</Button> : null}
        {chosen.size === 0 ? <span className="ff-share__hint">{t('chooseOne')}</span> : null}
      </div>
    </section>
  );
}

/**
 * Manages a form's public links (外链): lists them with their full address and a Copy button, creates one with the
 * fields it exposes (default: every field a public link may expose), enables / disables and deletes them.
 * `form` is the form as published (the server checks the exposed fields against the live form).
 */
export function PublicLinksDialog({ formId, form, onClose }: { formId: string; form: FormDef; onClose: () => void }) {
  const { t } = useTranslation('share');
  const { t: tc } = useTranslation();
  const links = useQuery({
    queryKey: publicLinksKey(formId),
    queryFn: () => endpoints.publicLinks.list(formId),
    staleTime: 0,
  });
  const [creating, setCreating] = useState<boolean | null>(null);
  const [freshId, setFreshId] = useState<string | null>(null);
  const list = useMemo(
    () => [...(links.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [links.data],
  );
  // With no link yet, the create form shows at once.
  const showCreate = creating ?? (links.isSuccess && list.length === 0);
  return (
    <Dialog open wide title={t('title')} onClose={onClose} footer={<Button onClick={onClose}>{tc('close')}</Button>}>
      <div className="ff-share">
        <p className="ff-share__intro">{t('intro')}</p>
        {links.isLoading ? (
          <div className="ff-share__hint">
            <Spinner /> {t('loading')}
          </div>
        ) : null}
        {links.error ? (
          <div className="ff-banner" role="alert">
            {errorMessage(links.error, tc as never)}
          </div>
        ) : null}
        {showCreate ? (
          <CreateLink
            formId={formId}
            form={form}
            onCreated={(link) => {
              setFreshId(link.id);
              setCreating(false);
            }}
            onCancel={list.length > 0 ? () => setCreating(false) : undefined}
          />
        ) : links.isSuccess ? (
          <Button onClick={() => setCreating(true)}>
            <Plus size={16} aria-hidden="true" />
            {t('newLink')}
          </Button>
        ) : null}
        {links.isSuccess && list.length === 0 && !showCreate ? <p className="ff-share__hint">{t('none')}</p> : null}
        {list.length > 0 ? (
          <ul className="ff-share__links">
            {list.map((link) => (
              <LinkCard key={link.id} link={link} fresh={link.id === freshId} formId={formId} />
            ))}
          </ul>
        ) : null}
      </div>
    </Dialog>
  );
}

import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FormDef } from '@formflow/schema';
import type { FormDiff } from '../api/types.js';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { errorMessage } from '../ui/ErrorBanner.js';
import { Spinner } from '../ui/Spinner.js';
import { localized } from '../ui/localized.js';
import { findField } from './field-tree.js';

const SECTIONS = ['added', 'changed', 'deleted', 'restored', 'removed'] as const;

/** Saves, shows what publishing changes (fields by label), publishes, and refreshes what the app shows. */
export function PublishDialog({
  formId,
  appId,
  form,
  flush,
  onClose,
  onPublished,
}: {
  formId: string;
  appId: string;
  form: FormDef;
  flush: () => Promise<boolean>;
  onClose: () => void;
  onPublished: (version: number) => void;
}) {
  const { t } = useTranslation('designer');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [diff, setDiff] = useState<FormDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void (async () => {
      const saved = await flush();
      if (!live) return;
      if (!saved) {
        setError(t('publish.fixFirst'));
        return;
      }
      try {
        const answer = await endpoints.forms.diff(formId);
        if (live) setDiff(answer);
      } catch (e) {
        if (live) setError(errorMessage(e, tc as never));
      }
    })();
    return () => {
      live = false;
    };
  }, [flush, formId, t, tc]);

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const published = await endpoints.forms.publish(formId);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.form(formId) }),
        queryClient.invalidateQueries({ queryKey: keys.app(appId) }),
      ]);
      onPublished(published.version);
    } catch (e) {
      setError(errorMessage(e, tc as never));
    } finally {
      setBusy(false);
    }
  };
  const label = (id: string) => {
    const place = findField(form, id);
    return place ? localized(place.field.label) || id : id;
  };
  const nothing = diff && SECTIONS.every((s) => diff[s].length === 0);
  return (
    <Dialog
      open
      title={t('publish.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button
            variant="primary"
            disabled={!diff || busy || (diff?.removed.length ?? 0) > 0}
            onClick={() => void publish()}
          >
            {busy ? t('publish.publishing') : t('publish.confirm')}
          </Button>
        </>
      }
    >
      {error ? (
        <div className="ff-banner" role="alert">
          {error}
        </div>
      ) : null}
      {!diff && !error ? <Spinner /> : null}
      {diff ? (
        <div className="dz-diff">
          <p>
            {diff.publishedVersion === null
              ? t('publish.first')
              : t('publish.next', { version: diff.publishedVersion + 1 })}
          </p>
          {nothing ? <p className="dz-muted">{t('publish.noFieldChanges')}</p> : null}
          {SECTIONS.map((section) =>
            diff[section].length > 0 ? (
              <section key={section} className={`dz-diff__section dz-diff__section--${section}`}>
                <h4>
                  {t(`publish.${section}`)} ({diff[section].length})
                </h4>
                <ul>
                  {diff[section].map((id) => (
                    <li key={id}>{label(id)}</li>
                  ))}
                </ul>
              </section>
            ) : null,
          )}
        </div>
      ) : null}
    </Dialog>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '@formflow/schema';
import { endpoints } from '../api/endpoints.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { errorMessage } from '../ui/ErrorBanner.js';
import { Spinner } from '../ui/Spinner.js';
import { localized } from '../ui/localized.js';

type DryRun = {
  convertible: number;
  unconvertible: number;
  empty: number;
  samples: { recordId: string; before: unknown; reason: string }[];
};

/** Type change of a stored field: the server's dry run (counts, samples), then apply keeping originals or all-or-nothing. */
export function TypeChangeDialog({
  formId,
  field,
  next,
  flush,
  onClose,
  onApplied,
}: {
  formId: string;
  field: FieldDef;
  next: FieldDef;
  flush: () => Promise<boolean>;
  onClose: () => void;
  onApplied: () => void;
}) {
  const { t } = useTranslation('designer');
  const { t: tc } = useTranslation();
  const [plan, setPlan] = useState<DryRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void (async () => {
      if (!(await flush())) {
        if (live) setError(t('publish.fixFirst'));
        return;
      }
      try {
        const answer = (await endpoints.forms.changeType(formId, field.id, next, 'dryRun')) as unknown as DryRun;
        if (live) setPlan(answer);
      } catch (e) {
        if (live) setError(errorMessage(e, tc as never));
      }
    })();
    return () => {
      live = false;
    };
  }, [flush, formId, field.id, next, t, tc]);
  const apply = async (strategy: 'keepOriginal' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      await endpoints.forms.changeType(formId, field.id, next, strategy);
      onApplied();
    } catch (e) {
      setError(errorMessage(e, tc as never));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      wide
      title={t('typeChange.title', {
        field: localized(field.label),
        from: t(`types.${field.type}`),
        to: t(`types.${next.type}`),
      })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button disabled={!plan || busy} onClick={() => void apply('reject')}>
            {t('typeChange.reject')}
          </Button>
          <Button variant="primary" disabled={!plan || busy} onClick={() => void apply('keepOriginal')}>
            {t('typeChange.keepOriginal')}
          </Button>
        </>
      }
    >
      {error ? (
        <div className="ff-banner" role="alert">
          {error}
        </div>
      ) : null}
      {!plan && !error ? <Spinner /> : null}
      {plan ? (
        <div className="dz-typechange">
          <dl className="dz-counts">
            <div>
              <dt>{t('typeChange.convertible')}</dt>
              <dd>{plan.convertible}</dd>
            </div>
            <div className={plan.unconvertible > 0 ? 'is-bad' : ''}>
              <dt>{t('typeChange.unconvertible')}</dt>
              <dd>{plan.unconvertible}</dd>
            </div>
            <div>
              <dt>{t('typeChange.empty')}</dt>
              <dd>{plan.empty}</dd>
            </div>
          </dl>
          <p className="dz-muted">{t('typeChange.explain')}</p>
          {plan.samples.length > 0 ? (
            <table className="dz-samples">
              <thead>
                <tr>
                  <th>{t('typeChange.value')}</th>
                  <th>{t('typeChange.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.samples.map((s) => (
                  <tr key={s.recordId}>
                    <td>{typeof s.before === 'string' ? s.before : JSON.stringify(s.before)}</td>
                    <td>{s.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}

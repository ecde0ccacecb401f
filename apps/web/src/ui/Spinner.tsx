import { useTranslation } from 'react-i18next';

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <div className="ff-spinner" role="status" aria-label={label ?? t('loading')} />;
}

/** A centred spinner for a loading page or panel. */
export function Loading() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', padding: 48 }}>
      <Spinner />
    </div>
  );
}

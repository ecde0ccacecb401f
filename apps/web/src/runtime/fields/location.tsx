import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import { numberFromText, textFromNumber } from './number-input.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

type Location = { lng?: unknown; lat?: unknown; address?: string };

function LocationEdit({
  value,
  onChange,
  onBlur,
  readOnly,
  invalid,
  id,
  labelId,
  describedBy,
  field,
}: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);
  const location: Location = value !== null && typeof value === 'object' ? (value as Location) : {};
  const set = (patch: Location) => {
    const next = { ...location, ...patch };
    if (next.address === '') delete next.address;
    const empty =
      (next.lng === null || next.lng === undefined) && (next.lat === null || next.lat === undefined) && !next.address;
    onChange(empty ? null : next);
  };
  const locate = () => {
    if (!('geolocation' in navigator)) return setFailed(true);
    setLocating(true);
    setFailed(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        set({ lng: Number(position.coords.longitude.toFixed(6)), lat: Number(position.coords.latitude.toFixed(6)) });
      },
      () => {
        setLocating(false);
        setFailed(true);
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  const manual = field.settings?.allowManual !== false;
  return (
    <div id={id} role="group" aria-labelledby={labelId} aria-describedby={describedBy} className="ff-rt-location">
      <div className="ff-rt-location__coords">
        <input
          className="ff-input"
          inputMode="decimal"
          aria-label={t('location.lng')}
          placeholder={t('location.lng')}
          value={textFromNumber(location.lng)}
          readOnly={readOnly || !manual}
          aria-invalid={invalid || undefined}
          onChange={(event) => set({ lng: numberFromText(event.target.value) ?? undefined })}
          onBlur={onBlur}
        />
        <input
          className="ff-input"
          inputMode="decimal"
          aria-label={t('location.lat')}
          placeholder={t('location.lat')}
          value={textFromNumber(location.lat)}
          readOnly={readOnly || !manual}
          aria-invalid={invalid || undefined}
          onChange={(event) => set({ lat: numberFromText(event.target.value) ?? undefined })}
          onBlur={onBlur}
        />
        {!readOnly ? (
          <Button onClick={locate} disabled={locating}>
            {locating ? t('location.locating') : t('location.locate')}
          </Button>
        ) : null}
      </div>
      <input
        className="ff-input"
        aria-label={t('location.place')}
        placeholder={t('location.place')}
        value={location.address ?? ''}
        readOnly={readOnly}
        onChange={(event) => set({ address: event.target.value })}
        onBlur={onBlur}
      />
      {failed ? <div className="ff-muted">{t('location.failed')}</div> : null}
    </div>
  );
}

/** 定位: longitude / latitude from the device (or typed when allowed) and a place name. */
export const locationRenderer: FieldRenderer = { label: 'group', Edit: LocationEdit };

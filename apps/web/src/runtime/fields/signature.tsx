import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type SignaturePadType from 'signature_pad';
import { Button } from '../../ui/Button.js';
import { errorMessage } from '../../ui/ErrorBanner.js';
import { safeColor } from './options.js';
import { fileRefsOf, previewOf, rememberPreview } from './file-previews.js';
import type { FieldRenderer, FieldRendererProps, FileRef } from './types.js';

/** The pad, drawn with signature_pad (loaded on first use, so forms without a signature do not fetch it). */
function Pad({ penColor, onDone, busy }: { penColor: string; onDone: (blob: Blob) => void; busy: boolean }) {
  const { t } = useTranslation('runtime');
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePadType | null>(null);
  const [empty, setEmpty] = useState(true);
  useEffect(() => {
    let live = true;
    void import('signature_pad').then(({ default: SignaturePad }) => {
      const element = canvas.current;
      if (!live || !element) return;
      // Draw at device resolution so the saved PNG is sharp.
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      element.width = element.offsetWidth * ratio;
      element.height = element.offsetHeight * ratio;
      element.getContext('2d')?.scale(ratio, ratio);
      pad.current = new SignaturePad(element, { penColor, backgroundColor: 'rgba(255,255,255,0)' });
      pad.current.addEventListener('endStroke', () => setEmpty(pad.current?.isEmpty() ?? true));
    });
    return () => {
      live = false;
      pad.current?.off();
      pad.current = null;
    };
  }, [penColor]);
  return (
    <div className="ff-rt-signature__pad">
      <canvas ref={canvas} className="ff-rt-signature__canvas" aria-label={t('signature.pad')} role="img" />
      <div className="ff-rt-signature__actions">
        <Button
          small
          onClick={() => {
            pad.current?.clear();
            setEmpty(true);
          }}
        >
          {t('signature.clear')}
        </Button>
        <Button
          small
          variant="primary"
          disabled={empty || busy}
          onClick={() => canvas.current?.toBlob((blob) => blob && onDone(blob), 'image/png')}
        >
          {busy ? t('signature.saving') : t('signature.done')}
        </Button>
      </div>
    </div>
  );
}

function SignatureEdit({
  field,
  value,
  onChange,
  readOnly,
  id,
  labelId,
  describedBy,
  invalid,
  ctx,
  path,
}: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  const { t: tc } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [file] = fileRefsOf(value);
  const src = file ? (previewOf(file.id) ?? ctx.fileUrl(file)) : null;
  const save = (blob: Blob) => {
    if (!ctx.upload) return;
    setBusy(true);
    setError(null);
    const png = new File([blob], 'signature.png', { type: 'image/png' });
    ctx
      .upload(path, png, () => undefined)
      .then((uploaded) => {
        const ref: FileRef = { id: uploaded.id, name: uploaded.name, size: uploaded.size, mime: uploaded.mime };
        rememberPreview(ref.id, png);
        onChange(ref);
      })
      .catch((e: unknown) => setError(errorMessage(e, tc as never)))
      .finally(() => setBusy(false));
  };
  return (
    <div
      id={id}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      className="ff-rt-signature"
    >
      {file ? (
        <div className="ff-rt-signature__saved">
          {src ? <img src={src} alt={t('signature.image')} /> : <span>{file.name}</span>}
          {!readOnly ? (
            <Button small onClick={() => onChange(null)}>
              {t('signature.again')}
            </Button>
          ) : null}
        </div>
      ) : readOnly ? (
        <span className="ff-muted">{t('emptyValue')}</span>
      ) : ctx.upload ? (
        <Pad penColor={safeColor(field.settings?.penColor) ?? '#1f2329'} onDone={save} busy={busy} />
      ) : (
        <div className="ff-muted">{t('files.disabledInPreview')}</div>
      )}
      {error ? (
        <div className="ff-error-text" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** 手写签名: drawn on a canvas, saved as a PNG upload. */
export const signatureRenderer: FieldRenderer = {
  label: 'group',
  Edit: SignatureEdit,
  View: (props) => <SignatureEdit {...props} readOnly />,
};

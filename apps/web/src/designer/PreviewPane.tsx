import { Component, memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDef } from '@formflow/schema';
import { FormRenderer } from '../runtime/FormRenderer.js';

class PreviewBoundary extends Component<
  { children: ReactNode; fallback: ReactNode; form: FormDef },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(previous: { form: FormDef }) {
    if (previous.form !== this.props.form && this.state.failed) this.setState({ failed: false });
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The live preview: the runtime's own renderer on the draft, at desktop or phone width. */
export const PreviewPane = memo(function PreviewPane({
  form,
  width,
  onWidth,
}: {
  form: FormDef;
  width: 'desktop' | 'phone';
  onWidth: (width: 'desktop' | 'phone') => void;
}) {
  const { t } = useTranslation('designer');
  const live = useMemo(() => ({ ...form, fields: form.fields.filter((f) => !f.deleted) }), [form]);
  return (
    <div className="dz-preview">
      <div className="dz-segmented" role="radiogroup" aria-label={t('preview.width')}>
        {(['desktop', 'phone'] as const).map((w) => (
          <label key={w} className={width === w ? 'is-on' : ''}>
            <input type="radio" name="preview-width" checked={width === w} onChange={() => onWidth(w)} />
            {t(`preview.${w}`)}
          </label>
        ))}
      </div>
      <div className={`dz-preview__frame dz-preview__frame--${width}`} data-testid="designer-preview">
        <PreviewBoundary form={live} fallback={<div className="ff-banner">{t('preview.failed')}</div>}>
          <FormRenderer form={live} mode="preview" compact={width === 'phone'} />
        </PreviewBoundary>
      </div>
    </div>
  );
});

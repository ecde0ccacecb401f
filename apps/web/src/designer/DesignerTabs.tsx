import { useTranslation } from 'react-i18next';

export type MobileTab = 'palette' | 'canvas' | 'props';
export type PanelTab = 'field' | 'form';

/** On a phone one pane shows at a time: the palette, the canvas or the properties. */
export function MobileTabs({ tab, onTab }: { tab: MobileTab; onTab: (tab: MobileTab) => void }) {
  const { t } = useTranslation('designer');
  return (
    <div className="dz-tabs" role="tablist" aria-label={t('tabs.label')}>
      {(['palette', 'canvas', 'props'] as const).map((name) => (
        <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => onTab(name)}>
          {t(`tabs.${name}`)}
        </button>
      ))}
    </div>
  );
}

/** The properties pane's tabs: the selected field's settings or the whole form's. */
export function PanelTabs({ tab, onTab }: { tab: PanelTab; onTab: (tab: PanelTab) => void }) {
  const { t } = useTranslation('designer');
  return (
    <div className="dz-paneltabs" role="tablist" aria-label={t('panel.label')}>
      <button type="button" role="tab" aria-selected={tab === 'field'} onClick={() => onTab('field')}>
        {t('panel.field')}
      </button>
      <button type="button" role="tab" aria-selected={tab === 'form'} onClick={() => onTab('form')}>
        {t('panel.form')}
      </button>
    </div>
  );
}

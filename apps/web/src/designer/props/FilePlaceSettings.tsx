import type { FieldDef } from '@formflow/schema';
import { CheckProp, NumberProp, SelectProp } from './inputs.js';
import { type SettingsEditor } from './settings-editor.js';

/** Settings of files and places: image, attachment, address and location. */
export function FilePlaceSettings({ field, editor }: { field: FieldDef; editor: SettingsEditor }) {
  const { t, s, setSetting, num, bool } = editor;
  switch (field.type) {
    case 'image':
    case 'attachment':
      return (
        <>
          <div className="dz-pair">
            <NumberProp
              label={t('props.maxFiles')}
              value={num('maxFiles')}
              min={1}
              max={100}
              step={1}
              onChange={(v) => setSetting('maxFiles', v)}
            />
            <NumberProp
              label={t('props.maxSizeMb')}
              value={num('maxSizeMb')}
              min={1}
              max={2048}
              onChange={(v) => setSetting('maxSizeMb', v)}
            />
          </div>
          {field.type === 'image' ? (
            <>
              <CheckProp
                label={t('props.compress')}
                checked={bool('compress')}
                onChange={(v) => setSetting('compress', v || undefined)}
              />
              <CheckProp
                label={t('props.cameraOnly')}
                checked={bool('cameraOnly')}
                onChange={(v) => setSetting('cameraOnly', v || undefined)}
              />
            </>
          ) : null}
        </>
      );
    case 'address':
      return (
        <SelectProp
          label={t('props.addressLevel')}
          value={(s['level'] as string) ?? ''}
          options={[
            { value: '', label: t('props.levelDetail') },
            { value: 'district', label: t('props.levelDistrict') },
            { value: 'city', label: t('props.levelCity') },
            { value: 'province', label: t('props.levelProvince') },
          ]}
          onChange={(v) => setSetting('level', v || undefined)}
        />
      );
    case 'location':
      return (
        <>
          <NumberProp
            label={t('props.radius')}
            value={num('radiusMeters')}
            min={1}
            step={1}
            onChange={(v) => setSetting('radiusMeters', v)}
          />
          <CheckProp
            label={t('props.allowManual')}
            checked={bool('allowManual')}
            onChange={(v) => setSetting('allowManual', v || undefined)}
          />
        </>
      );
    default:
      return null;
  }
}

import { useTranslation } from 'react-i18next';
import type { FieldDef } from '@formflow/schema';
import { Button } from '../../ui/Button.js';
import { localized } from '../../ui/localized.js';
import { moveField } from '../view-state.js';

/**
 * Visible columns and their order: every readable field with a checkbox; shown ones first, in order, with
 * up / down buttons; hidden ones after.
 */
export function ColumnChooser({
  candidates,
  visible,
  onChange,
}: {
  candidates: FieldDef[];
  /** Visible field ids in order. */
  visible: string[];
  onChange: (fields: string[]) => void;
}) {
  const { t } = useTranslation('views');
  const shown = new Set(visible);
  const byId = new Map(candidates.map((f) => [f.id, f]));
  const ordered = [
    ...visible.map((id) => byId.get(id)).filter((f): f is FieldDef => f !== undefined),
    ...candidates.filter((f) => !shown.has(f.id)),
  ];
  return (
    <div className="ffv-columns">
      <div className="ffv-filter__foot">
        <Button small variant="ghost" onClick={() => onChange(candidates.map((f) => f.id))}>
          {t('showAll')}
        </Button>
      </div>
      <ul className="ffv-columns__list">
        {ordered.map((f) => {
          const on = shown.has(f.id);
          const i = visible.indexOf(f.id);
          const name = localized(f.label);
          return (
            <li key={f.id} className="ffv-columns__item">
              <label className="ffv-filter__choice">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={on && visible.length === 1}
                  onChange={(e) => onChange(e.target.checked ? [...visible, f.id] : visible.filter((x) => x !== f.id))}
                />
                <span>{name}</span>
              </label>
              {on ? (
                <span className="ffv-columns__move">
                  <Button
                    small
                    variant="ghost"
                    aria-label={t('moveUp', { field: name })}
                    disabled={i === 0}
                    onClick={() => onChange(moveField(visible, f.id, -1))}
                  >
                    ↑
                  </Button>
                  <Button
                    small
                    variant="ghost"
                    aria-label={t('moveDown', { field: name })}
                    disabled={i === visible.length - 1}
                    onClick={() => onChange(moveField(visible, f.id, 1))}
                  >
                    ↓
                  </Button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

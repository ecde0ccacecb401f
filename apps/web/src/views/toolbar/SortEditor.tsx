import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import type { FieldDef, SortSpec } from '@formflow/schema';
import { Button } from '../../ui/Button.js';
import { localized } from '../../ui/localized.js';

const MAX_KEYS = 5;

/** Sort keys: field + direction, several (the API takes up to 5), in priority order. */
export function SortEditor({
  fields,
  sort,
  onChange,
}: {
  fields: FieldDef[];
  sort: SortSpec[];
  onChange: (sort: SortSpec[]) => void;
}) {
  const { t } = useTranslation('views');
  const used = new Set(sort.map((s) => s.field));
  const free = fields.filter((f) => !used.has(f.id));
  const set = (i: number, next: SortSpec) => onChange(sort.map((s, j) => (j === i ? next : s)));
  return (
    <div className="ffv-sort">
      {sort.length === 0 ? <p className="ff-muted ffv-filter__none">{t('noSort')}</p> : null}
      <ol className="ffv-filter__list">
        {sort.map((s, i) => (
          <li key={s.field} className="ffv-filter__row" data-testid="sort-key">
            <select
              className="ff-select"
              aria-label={t('sortField', { n: i + 1 })}
              value={s.field}
              onChange={(e) => set(i, { ...s, field: e.target.value })}
            >
              {fields
                .filter((f) => f.id === s.field || !used.has(f.id))
                .map((f) => (
                  <option key={f.id} value={f.id}>
                    {localized(f.label)}
                  </option>
                ))}
            </select>
            <select
              className="ff-select"
              aria-label={t('sortDirection', { n: i + 1 })}
              value={s.direction}
              onChange={(e) => set(i, { ...s, direction: e.target.value === 'desc' ? 'desc' : 'asc' })}
            >
              <option value="asc">{t('ascending')}</option>
              <option value="desc">{t('descending')}</option>
            </select>
            <Button
              small
              variant="ghost"
              aria-label={t('removeSort', { n: i + 1 })}
              onClick={() => onChange(sort.filter((_, j) => j !== i))}
            >
              <X size={14} aria-hidden />
            </Button>
          </li>
        ))}
      </ol>
      <div className="ffv-filter__foot">
        <Button
          small
          disabled={free.length === 0 || sort.length >= MAX_KEYS}
          onClick={() => free[0] && onChange([...sort, { field: free[0].id, direction: 'asc' }])}
        >
          + {t('addSort')}
        </Button>
      </div>
    </div>
  );
}

import type { FieldDef } from '@formflow/schema';
import { useTranslation } from 'react-i18next';
import type { VirtualItem } from '@tanstack/react-virtual';
import { formatValue, type FormatLookups } from '../../runtime/format-value.js';
import { localized } from '../../ui/localized.js';
import { ROW_H } from './grid-metrics.js';

/** A group header row: the group-by field, the group's value (or "no value") and its record count. */
export function GridGroupRow({
  item,
  group,
  groupField,
  lookups,
  columnCount,
  totalWidth,
}: {
  item: VirtualItem;
  group: { key: unknown; count: number };
  groupField: FieldDef;
  lookups: FormatLookups;
  columnCount: number;
  totalWidth: number;
}) {
  const { t } = useTranslation('views');
  const label =
    group.key === null || group.key === undefined
      ? t('noValue')
      : formatValue(groupField, group.key, lookups) || String(group.key);
  return (
    <div
      role="row"
      aria-rowindex={item.index + 2}
      className="ffv-grid__group"
      style={{ top: item.start, height: ROW_H, width: totalWidth }}
    >
      <div role="gridcell" aria-colspan={columnCount + 1} className="ffv-grid__group-cell">
        <span className="ffv-grid__group-field">{localized(groupField.label)}</span>
        <strong>{label}</strong>
        <span className="ff-tag" data-testid="group-count">
          {group.count}
        </span>
      </div>
    </div>
  );
}

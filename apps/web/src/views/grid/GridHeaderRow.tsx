import { useTranslation } from 'react-i18next';
import type { VirtualItem } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp } from 'lucide-react';
import type { FieldDef } from '@formflow/schema';
import { localized } from '../../ui/localized.js';
import { isNumericField } from './cell-text.js';
import { HEAD_H } from './grid-metrics.js';

/** The sticky header row: "#", then the visible column headers with their sort arrow and a resize handle. */
export function GridHeaderRow({
  columns,
  virtualCols,
  totalWidth,
  sortOf,
  startResize,
}: {
  columns: FieldDef[];
  virtualCols: VirtualItem[];
  totalWidth: number;
  sortOf: (fieldId: string) => 'asc' | 'desc' | undefined;
  startResize: (field: FieldDef, event: React.PointerEvent) => void;
}) {
  const { t } = useTranslation('views');
  return (
    <div className="ffv-grid__head" role="row" aria-rowindex={1} style={{ width: totalWidth, height: HEAD_H }}>
      <div className="ffv-grid__num ffv-grid__num--head" role="columnheader" aria-colindex={1}>
        #
      </div>
      {virtualCols.map((c) => {
        const field = columns[c.index]!;
        const direction = sortOf(field.id);
        return (
          <div
            key={field.id}
            role="columnheader"
            aria-colindex={c.index + 2}
            aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
            className={`ffv-grid__th${isNumericField(field) ? ' ffv-num-align' : ''}`}
            style={{ left: c.start, width: c.size }}
            title={localized(field.label)}
          >
            <span className="ffv-grid__th-label">{localized(field.label)}</span>
            {direction === 'asc' ? (
              <ArrowUp className="ffv-grid__sort" size={14} aria-hidden="true" />
            ) : direction === 'desc' ? (
              <ArrowDown className="ffv-grid__sort" size={14} aria-hidden="true" />
            ) : null}
            <span
              className="ffv-grid__resize"
              role="separator"
              aria-orientation="vertical"
              aria-label={t('resizeColumn', { field: localized(field.label) })}
              onPointerDown={(e) => startResize(field, e)}
            />
          </div>
        );
      })}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { FieldDef } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../../api/types.js';
import { localized } from '../../ui/index.js';
import type { FormatLookups } from '../../runtime/format-value.js';
import { displayText, recordTitle } from '../../record/record-display.js';
import { SelectTags, isSelectField, selectedIds } from '../../record/SelectTags.js';

/** What a card shows: the record's title and its card fields (select values as tags); also the drag overlay. */
export function KanbanCardBody({
  form,
  record,
  shown,
  lookups,
  className,
}: {
  form: LiveForm;
  record: FormRecord;
  shown: FieldDef[];
  lookups: FormatLookups;
  className?: string;
}) {
  const { t } = useTranslation('record');
  return (
    <div className={'ff-kanban__card-body' + (className ? ' ' + className : '')}>
      <div className="ff-kanban__card-title">{recordTitle(form, record, t('untitled'), lookups)}</div>
      {shown.map((field) => {
        const value = record.data[field.id];
        if (isSelectField(field) && selectedIds(value).length)
          return (
            <div key={field.id} className="ff-kanban__card-field ff-kanban__card-field--tags">
              <span className="ff-muted">{localized(field.label)}</span>
              <SelectTags field={field} value={value} />
            </div>
          );
        const text = displayText(field, value, lookups);
        if (!text) return null;
        return (
          <div key={field.id} className="ff-kanban__card-field">
            <span className="ff-muted">{localized(field.label)}</span>
            <span>{text}</span>
          </div>
        );
      })}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldKind } from '@formflow/engine';
import type { FieldDef, ViewType } from '@formflow/schema';
import { CalendarDays, SquareKanban, Table2 } from 'lucide-react';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { localized } from '../ui/localized.js';

export type NewViewSettings = {
  name: string;
  type: ViewType;
  groupBy?: string;
  sumField?: string;
  dateField?: string;
};

const TYPES: ViewType[] = ['grid', 'kanban', 'calendar'];

function ViewTypeIcon({ type }: { type: ViewType }) {
  const Icon = type === 'kanban' ? SquareKanban : type === 'calendar' ? CalendarDays : Table2;
  return <Icon size={16} aria-hidden="true" />;
}

/** "New view" / "Save as new view": a name and a type; kanban needs a select field (and may sum a number), calendar a date field. */
export function SaveViewDialog({
  title,
  fields,
  saving,
  error,
  onSave,
  onClose,
}: {
  /** "New view" (from the tabs) or "Save as new view" (from the toolbar). */
  title: string;
  fields: FieldDef[];
  saving: boolean;
  error: string | null;
  onSave: (settings: NewViewSettings) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('views');
  const [name, setName] = useState('');
  const [type, setType] = useState<ViewType>('grid');
  const selects = fields.filter((f) => f.type === 'select');
  const numbers = fields.filter((f) => f.type === 'number' || f.type === 'money');
  const dates = fields.filter((f) => fieldKind(f) === 'date' || fieldKind(f) === 'datetime');
  const [groupBy, setGroupBy] = useState(selects[0]?.id ?? '');
  const [sumField, setSumField] = useState('');
  const [dateField, setDateField] = useState(dates[0]?.id ?? '');
  const missing =
    name.trim() === '' || (type === 'kanban' && !groupBy) || (type === 'calendar' && !dateField) || saving;

  const submit = () => {
    if (missing) return;
    onSave({
      name: name.trim(),
      type,
      ...(type === 'kanban' ? { groupBy, ...(sumField ? { sumField } : {}) } : {}),
      ...(type === 'calendar' ? { dateField } : {}),
    });
  };

  const options = (list: FieldDef[]) =>
    list.map((f) => (
      <option key={f.id} value={f.id}>
        {localized(f.label)}
      </option>
    ));

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" disabled={missing} onClick={submit}>
            {saving ? t('saving') : t('saveView')}
          </Button>
        </>
      }
    >
      <form
        className="ffv-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="ffv-form__row">
          <span>{t('viewName')}</span>
          <input className="ff-input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset className="ffv-form__row ffv-form__types">
          <legend>{t('viewType')}</legend>
          {TYPES.map((v) => (
            <label key={v} className={`ffv-type${type === v ? ' ffv-type--on' : ''}`}>
              <input type="radio" name="view-type" value={v} checked={type === v} onChange={() => setType(v)} />
              <ViewTypeIcon type={v} />
              <span>{t(`type.${v}`)}</span>
            </label>
          ))}
        </fieldset>
        {type === 'kanban' ? (
          <>
            <label className="ffv-form__row">
              <span>{t('kanbanGroupBy')}</span>
              <select className="ff-select" value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
                {selects.length === 0 ? <option value="">{t('noSelectField')}</option> : options(selects)}
              </select>
            </label>
            <label className="ffv-form__row">
              <span>{t('kanbanSum')}</span>
              <select className="ff-select" value={sumField} onChange={(e) => setSumField(e.target.value)}>
                <option value="">{t('none')}</option>
                {options(numbers)}
              </select>
            </label>
          </>
        ) : null}
        {type === 'calendar' ? (
          <label className="ffv-form__row">
            <span>{t('calendarDate')}</span>
            <select className="ff-select" value={dateField} onChange={(e) => setDateField(e.target.value)}>
              {dates.length === 0 ? <option value="">{t('noDateField')}</option> : options(dates)}
            </select>
          </label>
        ) : null}
        {error ? (
          <div className="ff-banner" role="alert">
            {error}
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}

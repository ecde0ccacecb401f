import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import type { FilterNode, ViewDef } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../../api/types.js';
import { endpoints } from '../../api/endpoints.js';
import { keys } from '../../api/query-keys.js';
import { Button, ErrorBanner, Spinner, localized } from '../../ui/index.js';
import { currentLanguage } from '../../i18n/current-language.js';
import { recordTitle } from '../../record/record-display.js';
import { useLookups } from '../../record/use-lookups.js';
import { andFilters } from '../kanban/kanban-model.js';
import {
  addMonths,
  localDay,
  monthGrid,
  monthOf,
  placeOnDays,
  rangeFilter,
  type Day,
  type Month,
} from './month-grid.js';
import './calendar.css';

/** CONTRACT (the calendar area replaces this placeholder, keeping the props). */
export type CalendarViewProps = {
  form: LiveForm;
  view: ViewDef;
  filter?: FilterNode;
  q?: string;
  onOpenRecord: (recordId: string) => void;
};

/** Records a day cell shows before "+N more". */
const PER_DAY = 3;
/** Records fetched for one visible month (the server's page limit). */
const LIMIT = 500;

const PHONE = '(max-width: 640px)';

function usePhone(): boolean {
  const [phone, setPhone] = useState(() => typeof matchMedia !== 'undefined' && matchMedia(PHONE).matches);
  useEffect(() => {
    const query = matchMedia(PHONE);
    const onChange = () => setPhone(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return phone;
}

/**
 * Records on a month grid by the view's `dateField` (and `endDateField` spans): prev / next / today, up to three
 * records a day then "+N more" (expanding the day); on a phone, the month's records as a list grouped by day.
 */
export function CalendarView({ form, view, filter, q, onOpenRecord }: CalendarViewProps) {
  const { t } = useTranslation('record');
  const lookups = useLookups();
  const phone = usePhone();
  const today = localDay();
  const [month, setMonth] = useState<Month>(monthOf(today));
  const [expanded, setExpanded] = useState<Day | null>(null);
  const language = currentLanguage();
  const weekStartsOn = language === 'zh-CN' ? 1 : 0;
  const weeks = useMemo(() => monthGrid(month, weekStartsOn), [month, weekStartsOn]);
  const firstDay = weeks[0]![0]!;
  const lastDay = weeks.at(-1)![6]!;
  const dateField = form.fields.find((f) => f.id === view.dateField && !f.deleted);
  const endField = form.fields.find((f) => f.id === view.endDateField && !f.deleted);
  const search = q?.trim() || undefined;
  const queryFilter = dateField
    ? andFilters(view.filter, filter, rangeFilter(dateField.id, endField?.id, firstDay, lastDay))
    : undefined;

  const records = useQuery({
    queryKey: [...keys.records(form.id), 'calendar', view.id, queryFilter ?? null, search ?? null],
    queryFn: ({ signal }) =>
      endpoints.records.query(
        form.id,
        {
          ...(queryFilter ? { filter: queryFilter } : {}),
          sort: [{ field: dateField!.id, direction: 'asc' }],
          ...(search ? { q: search } : {}),
          limit: LIMIT,
        },
        signal,
      ),
    enabled: Boolean(dateField),
    placeholderData: (previous) => previous,
  });

  const byDay = useMemo(
    () => placeOnDays(records.data?.records ?? [], dateField?.id ?? '', endField?.id, firstDay, lastDay),
    [records.data, dateField, endField, firstDay, lastDay],
  );

  if (!dateField) return <div className="ff-banner">{t('calendarNoDateField')}</div>;

  const monthLabel = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
  const weekdayNames = weeks[0]!.map((day) =>
    new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
  );
  const title = (record: FormRecord) => recordTitle(form, record, t('untitled'), lookups);
  const truncated = Boolean(records.data?.nextCursor);

  return (
    <div className="ff-calendar" data-testid="calendar">
      <div className="ff-calendar__bar">
        <h3 className="ff-calendar__month" aria-live="polite">
          {monthLabel}
        </h3>
        <div className="ff-calendar__nav">
          <Button small onClick={() => setMonth(monthOf(today))}>
            {t('today')}
          </Button>
          <Button small onClick={() => setMonth((m) => addMonths(m, -1))} aria-label={t('previousMonth')}>
            <ChevronLeft size={16} aria-hidden="true" />
          </Button>
          <Button small onClick={() => setMonth((m) => addMonths(m, 1))} aria-label={t('nextMonth')}>
            <ChevronRight size={16} aria-hidden="true" />
          </Button>
          {records.isFetching ? <Spinner /> : null}
        </div>
      </div>
      <ErrorBanner error={records.error} />
      {truncated ? <div className="ff-banner ff-banner--info">{t('calendarTruncated', { count: LIMIT })}</div> : null}
      {phone ? (
        <PhoneList
          weeks={weeks}
          month={month}
          byDay={byDay}
          today={today}
          language={language}
          title={title}
          onOpenRecord={onOpenRecord}
        />
      ) : (
        <div className="ff-calendar__grid" role="grid" aria-label={monthLabel}>
          <div className="ff-calendar__row ff-calendar__row--head" role="row">
            {weekdayNames.map((name) => (
              <div key={name} className="ff-calendar__weekday" role="columnheader">
                {name}
              </div>
            ))}
          </div>
          {weeks.map((week) => (
            <div key={week[0]} className="ff-calendar__row" role="row">
              {week.map((day) => {
                const list = byDay.get(day) ?? [];
                const open = expanded === day;
                const visible = open ? list : list.slice(0, PER_DAY);
                const dayLabel = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
                  new Date(`${day}T00:00:00Z`),
                );
                return (
                  <div
                    key={day}
                    role="gridcell"
                    aria-label={dayLabel}
                    data-day={day}
                    className={
                      'ff-calendar__day' +
                      (monthOf(day) !== month ? ' ff-calendar__day--other' : '') +
                      (day === today ? ' ff-calendar__day--today' : '')
                    }
                  >
                    <div className="ff-calendar__date">{Number(day.slice(8))}</div>
                    {visible.map((record) => (
                      <button
                        key={record.id}
                        type="button"
                        className="ff-calendar__event"
                        onClick={() => onOpenRecord(record.id)}
                        title={title(record)}
                      >
                        {title(record)}
                      </button>
                    ))}
                    {list.length > PER_DAY ? (
                      <button
                        type="button"
                        className="ff-calendar__more"
                        onClick={() => setExpanded(open ? null : day)}
                        aria-expanded={open}
                      >
                        {open ? t('showLess') : t('moreCount', { count: list.length - PER_DAY })}
                      </button>
                    ) : null}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
      <p className="ff-calendar__hint ff-muted">{t('calendarBy', { field: localized(dateField.label) })}</p>
    </div>
  );
}

function PhoneList({
  weeks,
  month,
  byDay,
  today,
  language,
  title,
  onOpenRecord,
}: {
  weeks: Day[][];
  month: Month;
  byDay: Map<Day, FormRecord[]>;
  today: Day;
  language: string;
  title: (record: FormRecord) => string;
  onOpenRecord: (id: string) => void;
}) {
  const { t } = useTranslation('record');
  const days = weeks.flat().filter((day) => monthOf(day) === month && (byDay.get(day)?.length ?? 0) > 0);
  if (days.length === 0) return <div className="ff-calendar__empty">{t('calendarEmpty')}</div>;
  return (
    <div className="ff-calendar__list">
      {days.map((day) => (
        <section key={day} className="ff-calendar__list-day" aria-label={day} data-day={day}>
          <h4 className={day === today ? 'ff-calendar__list-today' : undefined}>
            {new Intl.DateTimeFormat(language, {
              month: 'short',
              day: 'numeric',
              weekday: 'short',
              timeZone: 'UTC',
            }).format(new Date(`${day}T00:00:00Z`))}
          </h4>
          {byDay.get(day)!.map((record) => (
            <button
              key={record.id}
              type="button"
              className="ff-calendar__list-item"
              onClick={() => onOpenRecord(record.id)}
            >
              {title(record)}
            </button>
          ))}
        </section>
      ))}
    </div>
  );
}

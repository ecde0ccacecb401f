import type { FilterNode, ViewDef } from '@formflow/schema';
import type { LiveForm } from '../../api/types.js';

/** CONTRACT (the calendar area replaces this placeholder, keeping the props). */
export type CalendarViewProps = {
  form: LiveForm;
  view: ViewDef;
  filter?: FilterNode;
  q?: string;
  onOpenRecord: (recordId: string) => void;
};

export function CalendarView(_props: CalendarViewProps) {
  return <div data-testid="calendar">calendar</div>;
}

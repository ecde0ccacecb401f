import { CalendarDays, SquareKanban, Table2 } from 'lucide-react';
import type { ViewType } from '@formflow/schema';

/** The icon of a view type (SVG: Unicode shapes fall back to a CJK font in Chinese and render as squares). */
export function ViewIcon({ type }: { type: ViewType }) {
  const Icon = type === 'kanban' ? SquareKanban : type === 'calendar' ? CalendarDays : Table2;
  return <Icon size={16} aria-hidden="true" className="ffv-tab__icon" />;
}

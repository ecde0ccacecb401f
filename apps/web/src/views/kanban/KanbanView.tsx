import type { FilterNode, ViewDef } from '@formflow/schema';
import type { LiveForm } from '../../api/types.js';

/** CONTRACT (the kanban area replaces this placeholder, keeping the props). */
export type KanbanViewProps = {
  form: LiveForm;
  view: ViewDef;
  /** Extra filter from the toolbar, ANDed with the view's. */
  filter?: FilterNode;
  q?: string;
  onOpenRecord: (recordId: string) => void;
};

export function KanbanView(_props: KanbanViewProps) {
  return <div data-testid="kanban">kanban</div>;
}

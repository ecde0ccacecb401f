import type { LiveForm } from '../api/types.js';

/** CONTRACT (the record area replaces this placeholder, keeping the props): fields, history, comments. */
export type RecordDrawerProps = { form: LiveForm; recordId: string; onClose: () => void };

export function RecordDrawer(_props: RecordDrawerProps) {
  return <div data-testid="record-drawer">record</div>;
}

import { lazy, Suspense, type ComponentType } from 'react';
import { Spinner } from '../../ui/Spinner.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

/**
 * A renderer whose module loads on first use: pickers of members, departments and linked records never appear on a
 * public form (a link cannot expose them), so the public page does not download them.
 */
export function lazyRenderer(label: FieldRenderer['label'], load: () => Promise<FieldRenderer>): FieldRenderer {
  let pending: Promise<FieldRenderer> | undefined;
  const once = () => (pending ??= load());
  const part = (pick: (r: FieldRenderer) => ComponentType<FieldRendererProps> | undefined) => {
    const Lazy = lazy(() => once().then((r) => ({ default: pick(r) ?? r.Edit })));
    return function LazyPart(props: FieldRendererProps) {
      return (
        <Suspense fallback={<Spinner />}>
          <Lazy {...props} />
        </Suspense>
      );
    };
  };
  return { label, Edit: part((r) => r.Edit), View: part((r) => r.View) };
}

import type { FilterNode, ViewDef } from '@formflow/schema';
import { EMPTY_DRAFT, filterToDraft, type FilterDraft } from './filter-state.js';
import { stateOfView, type ViewState } from './view-state.js';

/** The toolbar's working state for one view (filter builder draft, the rest of the view state, unsaved changes). */
export type Toolbar = { key: string; draft: FilterDraft; custom?: FilterNode; state: ViewState; dirty: boolean };

export function toolbarOf(key: string, view: ViewDef | undefined): Toolbar {
  const state = stateOfView(view);
  const draft = filterToDraft(state.filter);
  return {
    key,
    draft: draft ?? EMPTY_DRAFT,
    ...(draft ? {} : { custom: state.filter }),
    state,
    dirty: false,
  };
}

import type { FilterNode, SortSpec } from './filter.js';
import type { Id } from './ids.js';
import type { LocalizedText } from './localized.js';

export type ViewType = 'grid' | 'kanban' | 'calendar' | 'gallery';

export type ViewDef = {
  id: Id;
  formId: Id;
  name: LocalizedText;
  type: ViewType;
  filter?: FilterNode;
  sort?: SortSpec[];
  /** Visible fields in column order; all fields when absent. */
  fields?: Id[];
  /** Grid grouping, or the kanban column field (a select field, e.g. the funnel stage). */
  groupBy?: Id;
  /** Kanban: a number/money field summed per column. */
  sumField?: Id;
  /** Calendar: the date field placing records on days; optional end field for spans. */
  dateField?: Id;
  endDateField?: Id;
  /** Gallery: the image field used as cover. */
  coverField?: Id;
};

export { checkFilter } from './check-filter.js';
export { compileFilter } from './compile-filter.js';
export { filterFieldIds } from './filter-field-ids.js';
export { checkSort, MAX_SORT_KEYS } from './check-sort.js';
export { compileSort } from './compile-sort.js';
export { FilterError } from './filter-error.js';
export { TRUE_ON_EMPTY } from './compile-condition.js';
export { MAX_LIST_ITEMS, MAX_RELATIVE_DAYS, MAX_TEXT_LENGTH } from './check-condition-value.js';
export type { CheckFilterOptions, CheckSortOptions, CompiledFilter, FilterContext, RecordData } from './types.js';

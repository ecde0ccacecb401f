export { compileFilterToSql, type CompileFilterOptions } from './compile-filter-to-sql.js';
export { buildListQuery, MAX_LIST_OFFSET, type ListQuery, type ListQueryInput } from './build-list-query.js';
export {
  buildAggregateQuery,
  type AggregateFunction,
  type AggregateQueryInput,
  type GroupBySpec,
  type MeasureSpec,
} from './build-aggregate-query.js';
export type { Bucket } from './bucket-sql.js';
export { indexPlan } from './index-plan.js';
export { registerQueryFunctions } from './register-query-functions.js';
export { FOLD_SQL_FUNCTION } from './value-ref.js';
export { QueryError, type QueryErrorCode } from './query-error.js';
export { ID_PATTERN } from './sql-ident.js';
export type { Sql, SqlParam } from './sql-fragment.js';

/** Why a query could not be built. Filter and sort problems are the engine's `FilterError` instead. */
export type QueryErrorCode =
  | 'INVALID_FIELD_ID'
  | 'INVALID_FORM_ID'
  | 'NOT_TRANSLATABLE'
  | 'INVALID_CURSOR'
  | 'INVALID_LIMIT'
  | 'INVALID_OFFSET'
  | 'INVALID_AGGREGATE';

/** Thrown before any SQL is built when a query cannot be compiled safely or exactly. */
export class QueryError extends Error {
  readonly code: QueryErrorCode;

  constructor(code: QueryErrorCode, message: string) {
    super(message);
    this.name = 'QueryError';
    this.code = code;
  }
}

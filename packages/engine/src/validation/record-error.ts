import type { JsonValue, LocalizedText } from '@formflow/schema';

/** Codes of record validation errors. Each has a zh-CN and an en message in `messages.ts`. */
export type RecordErrorCode =
  | 'NOT_AN_OBJECT'
  | 'NESTING_TOO_DEEP'
  | 'TOO_LARGE'
  | 'FORBIDDEN_KEY'
  | 'UNKNOWN_FIELD'
  | 'READONLY_FIELD'
  | 'REQUIRED'
  | 'TYPE_MISMATCH'
  | 'INVALID_CHARACTER'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'PATTERN_MISMATCH'
  | 'INVALID_OPTION'
  | 'INVALID_FORMAT'
  | 'TOO_SMALL'
  | 'TOO_LARGE_VALUE'
  | 'TOO_MANY_ITEMS'
  | 'TOO_FEW_ITEMS'
  | 'DUPLICATE_ITEMS'
  | 'UNKNOWN_PROPERTY'
  | 'MISSING_PROPERTY'
  | 'INVALID_VALUE'
  | 'RULE_FAILED'
  | 'RULE_ERROR';

/**
 * One problem with a record. `fieldId` is the top-level field (null for record-level problems);
 * `path` locates the value (`followups[2].note`); `message` is ready to show in either language.
 */
export type RecordError = {
  fieldId: string | null;
  path: string;
  code: RecordErrorCode;
  label: LocalizedText;
  message: { 'zh-CN': string; en: string };
  params?: { [key: string]: JsonValue };
};

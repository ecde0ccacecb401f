import type { FilterNode } from './filter.js';
import type { Id } from './ids.js';
import type { LocalizedText } from './localized.js';

export const FORM_ACTIONS = ['submit', 'view', 'edit', 'delete', 'export', 'manage'] as const;
export type FormAction = (typeof FORM_ACTIONS)[number];

export type Principal =
  | { kind: 'everyone' }
  | { kind: 'member'; id: Id }
  | { kind: 'department'; id: Id; includeChildren?: boolean }
  | { kind: 'role'; id: Id };

export type FieldAccess = 'hidden' | 'read' | 'write';

/** 权限组: for one form, who may do what, on which fields and which rows. */
export type PermissionGroupDef = {
  id: Id;
  formId: Id;
  name: LocalizedText;
  principals: Principal[];
  actions: FormAction[];
  /** Per-field access; fields not listed get `defaultFieldAccess`. */
  fields?: { [fieldId: string]: FieldAccess };
  defaultFieldAccess?: FieldAccess;
  /** Rows this group reaches, e.g. `{ field: "owner", op: "isCurrentMember" }`. All rows when absent. */
  rowFilter?: FilterNode;
};

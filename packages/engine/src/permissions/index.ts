export type { FormAccess, Viewer, WorkspaceRoleName } from './types.js';
export { matchingGroups, pickReadable, resolveFormAccess } from './resolve-form-access.js';

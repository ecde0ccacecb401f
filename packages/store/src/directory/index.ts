export { DirectoryRepository } from './directory-repository.js';
export { normaliseName, MAX_NAME_GRAPHEMES } from './normalise-name.js';
export type * from './directory-types.js';
export { workspaceNames } from './workspace-names.js';

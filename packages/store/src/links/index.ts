export { RecordLinkRepository } from './record-link-repository.js';
export type * from './record-link-types.js';

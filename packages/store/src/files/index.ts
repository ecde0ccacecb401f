export { FileRepository } from './file-repository.js';
export type * from './file-types.js';

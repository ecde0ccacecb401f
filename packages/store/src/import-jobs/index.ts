export { ImportJobRepository } from './import-job-repository.js';
export {
  ImportRecordWriter,
  prepareRecord,
  type ImportInsertResult,
  type ImportWriteTarget,
  type PreparedRecord,
} from './import-record-writer.js';
export { createIdSource } from './import-ids.js';
export * from './import-job-types.js';
export { discardStaged, publishStaged, stagedIds, stagingFormId } from './import-staging.js';

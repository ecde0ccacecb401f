export {
  analyzeIndexes,
  dropFormIndexes,
  ensureFormIndexes,
  formIndexNames,
  refreshFormIndexStats,
  type EnsureFormIndexesInput,
  type EnsureFormIndexesResult,
} from './ensure-form-indexes.js';
export {
  formIndexPrefix,
  MAX_INDEXES_PER_FORM,
  planFormIndexes,
  type FormIndexSources,
  type PlannedIndex,
} from './plan-form-indexes.js';
export {
  liveFormsWithApps,
  syncAllFormIndexes,
  type LiveFormSources,
  type SyncAllResult,
} from './sync-all-form-indexes.js';

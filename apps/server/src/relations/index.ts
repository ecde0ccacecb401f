export { deriveRelationValues, propagateRelationChanges, type PropagationResult } from './relation-values.js';
export { checkRelationTargets, type RelationTargetOptions } from './check-relation-targets.js';
export { rebuildRecordLinks } from './rebuild-record-links.js';
export { MAX_PROPAGATION_DEPTH, MAX_PROPAGATION_WRITES } from './propagate-relation-changes.js';

export { relationPlan, type DerivedRelationField, type RelationPlan, type RelationSlot } from './relation-plan.js';
export { relationIds } from './relation-ids.js';
export { relationLinks, slotIds, subtableRows, type RelationLink } from './relation-links.js';
export {
  computeRelationValues,
  type ComputeRelationOptions,
  type ComputeRelationResult,
  type LinkedRecordLoader,
} from './compute-relation-values.js';
export { refreshDependentValues } from './dependent-values.js';

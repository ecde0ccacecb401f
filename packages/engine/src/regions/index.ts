export type { RegionNode, RegionTree } from './region-tree.js';
export { buildRegionTree } from './build-region-tree.js';
export { loadChinaRegions } from './load-china-regions.js';

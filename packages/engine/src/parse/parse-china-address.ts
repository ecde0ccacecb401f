import type { RegionNode, RegionTree } from '../regions/region-tree.js';
import type { AddressParts } from './parse-address-text.js';

type Match = { node: RegionNode; parent?: RegionNode; length: number };

/** Short form people write: 广东省→广东, 广西壮族自治区→广西, 深圳市→深圳, 延边朝鲜族自治州→延边, 南山区→南山. */
function shortName(name: string): string {
  if (/自治[州县旗]$/.test(name)) return name.slice(0, 2);
  const short = name.replace(/(壮族|回族|维吾尔)?(自治区|特别行政区|省|市|地区|盟|区|县|旗)$/, '');
  return short.length >= 2 ? short : name;
}

function matchAt(text: string, nodes: readonly RegionNode[], parent?: RegionNode): Match | undefined {
  let best: Match | undefined;
  for (const node of nodes) {
    for (const name of [node.name, shortName(node.name)]) {
      if (text.startsWith(name) && (best === undefined || name.length > best.length)) {
        best = { node, length: name.length, ...(parent ? { parent } : {}) };
      }
    }
  }
  return best;
}

/** Matches among the children of every node of `parents`; only a match in exactly one parent counts. */
function matchUnder(text: string, parents: readonly RegionNode[]): Match | undefined {
  const found = parents.map((p) => matchAt(text, p.children, p)).filter((m): m is Match => m !== undefined);
  if (found.length === 0) return undefined;
  const longest = Math.max(...found.map((m) => m.length));
  const best = found.filter((m) => m.length === longest);
  return best.length === 1 ? best[0] : undefined;
}

const SEPARATORS = /^[\s/,，|\-·]+/;

/**
 * Reads Chinese address text with the region tree (from `loadChinaRegions()`):
 * `广东省深圳市南山区科技园路1号` → `{ province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路1号' }`.
 * Full or short names (广东深圳南山), separators, a missing province (深圳市南山区…) or city (广东省南山区…) are accepted
 * when the match is unique. Municipalities: 北京市东城区… → province and city 北京市 (the source's 市辖区 is skipped).
 * Names are returned in their official full form; what is not matched is `detail`.
 */
export function parseChinaAddress(text: string, regions: RegionTree): AddressParts {
  let rest = text.trim();
  const take = (m: Match) => {
    rest = rest.slice(m.length).replace(SEPARATORS, '');
  };
  rest = rest.replace(SEPARATORS, '');
  let province: RegionNode | undefined;
  let city: RegionNode | undefined;
  let district: RegionNode | undefined;
  const p = matchAt(rest, regions);
  if (p) {
    province = p.node;
    take(p);
  }
  const provinces = province ? [province] : regions;
  const c = matchUnder(rest, provinces);
  if (c) {
    city = c.node;
    province ??= c.parent;
    take(c);
  } else if (province && province.children.length === 1 && province.children[0]?.name === province.name) {
    city = province.children[0];
  }
  if (city && rest.startsWith('市辖区')) rest = rest.slice(3).replace(SEPARATORS, '');
  const cities = city ? [city] : provinces.flatMap((x) => x.children);
  const d = city?.children.length === 0 ? undefined : matchUnder(rest, cities);
  if (d && (city || province || d.length >= 3)) {
    district = d.node;
    city ??= d.parent;
    if (!province) province = regions.find((x) => city !== undefined && x.children.includes(city));
    take(d);
  }
  const out: AddressParts = {};
  if (province) out.province = province.name;
  if (city) out.city = city.name;
  if (district) out.district = district.name;
  if (rest.trim() !== '') out.detail = rest.trim();
  return out;
}

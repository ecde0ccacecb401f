import { beforeAll, describe, expect, it } from 'vitest';
import { loadChinaRegions } from '../regions/load-china-regions.js';
import type { RegionTree } from '../regions/region-tree.js';
import { parseAddressText } from './parse-address-text.js';
import { parseChinaAddress } from './parse-china-address.js';

describe('parseAddressText (no region data)', () => {
  it.each([
    [
      '广东省深圳市南山区科技园路1号',
      { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路1号' },
    ],
    [
      '广东省 / 深圳市 / 南山区 / 科技园路1号',
      { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路1号' },
    ],
    ['北京市东城区东华门大街1号', { province: '北京市', city: '北京市', district: '东城区', detail: '东华门大街1号' }],
    ['北京市市辖区东城区', { province: '北京市', city: '北京市', district: '东城区' }],
    ['重庆市城口县葛城街道', { province: '重庆市', city: '重庆市', district: '城口县', detail: '葛城街道' }],
    ['广西壮族自治区南宁市青秀区', { province: '广西壮族自治区', city: '南宁市', district: '青秀区' }],
    ['浙江省杭州市', { province: '浙江省', city: '杭州市' }],
    ['科技园路1号', { detail: '科技园路1号' }],
    ['人民路市场100号', { detail: '人民路市场100号' }],
    ['深圳市南山区科技园', { city: '深圳市', district: '南山区', detail: '科技园' }],
  ])('%s', (text, expected) => {
    expect(parseAddressText(text)).toEqual(expected);
  });
});

describe('parseChinaAddress (region data)', () => {
  let regions: RegionTree;
  beforeAll(async () => {
    regions = await loadChinaRegions();
  });

  it.each([
    [
      '广东省深圳市南山区科技园路1号',
      { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路1号' },
    ],
    ['广东深圳南山区科技园路1号', { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路1号' }],
    ['深圳市南山区科技园路1号', { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路1号' }],
    ['北京市东城区东华门大街1号', { province: '北京市', city: '北京市', district: '东城区', detail: '东华门大街1号' }],
    ['北京市市辖区海淀区中关村', { province: '北京市', city: '北京市', district: '海淀区', detail: '中关村' }],
    [
      '上海浦东新区世纪大道100号',
      { province: '上海市', city: '上海市', district: '浦东新区', detail: '世纪大道100号' },
    ],
    ['天津市和平区', { province: '天津市', city: '天津市', district: '和平区' }],
    ['重庆市城口县', { province: '重庆市', city: '重庆市', district: '城口县' }],
    ['湖北省仙桃市干河街道', { province: '湖北省', city: '仙桃市', detail: '干河街道' }],
    ['广西壮族自治区南宁市青秀区', { province: '广西壮族自治区', city: '南宁市', district: '青秀区' }],
    ['浙江 杭州 西湖区 文三路', { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路' }],
    ['火星基地1号', { detail: '火星基地1号' }],
  ])('%s', (text, expected) => {
    expect(parseChinaAddress(text, regions)).toEqual(expected);
  });

  it('normalises municipalities and direct counties in the tree', () => {
    const beijing = regions.find((p) => p.name === '北京市');
    expect(beijing?.children.map((c) => c.name)).toEqual(['北京市']);
    expect(beijing?.children[0]?.children.some((d) => d.name === '东城区')).toBe(true);
    const chongqing = regions.find((p) => p.name === '重庆市');
    expect(chongqing?.children[0]?.children.some((d) => d.name === '城口县')).toBe(true);
    expect(regions.find((p) => p.name === '湖北省')?.children.some((c) => c.name === '仙桃市')).toBe(true);
    expect(regions.some((p) => p.children.some((c) => c.name.includes('直辖县级')))).toBe(false);
    expect(regions).toHaveLength(31);
  });
});

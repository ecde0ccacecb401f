import { describe, expect, it } from 'vitest';
import { buildRegionTree } from './build-region-tree.js';
import { loadChinaRegions } from './load-china-regions.js';

describe('buildRegionTree', () => {
  it('folds municipal levels and lifts direct counties', () => {
    const tree = buildRegionTree({
      北京市: { 市辖区: ['东城区'] },
      重庆市: { 市辖区: ['渝中区'], 县: ['城口县'] },
      湖北省: { 武汉市: ['江岸区'], 省直辖县级行政区划: ['仙桃市'] },
    });
    expect(tree).toEqual([
      { name: '北京市', children: [{ name: '北京市', children: [{ name: '东城区', children: [] }] }] },
      {
        name: '重庆市',
        children: [
          {
            name: '重庆市',
            children: [
              { name: '渝中区', children: [] },
              { name: '城口县', children: [] },
            ],
          },
        ],
      },
      {
        name: '湖北省',
        children: [
          { name: '武汉市', children: [{ name: '江岸区', children: [] }] },
          { name: '仙桃市', children: [] },
        ],
      },
    ]);
  });

  it('loads the China data once, lazily', async () => {
    const first = loadChinaRegions();
    expect(loadChinaRegions()).toBe(first);
    const regions = await first;
    expect(
      regions.find((p) => p.name === '广东省')?.children.find((c) => c.name === '深圳市')?.children,
    ).toContainEqual({
      name: '南山区',
      children: [],
    });
  });
});

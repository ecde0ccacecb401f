export type AddressParts = { province?: string; city?: string; district?: string; detail?: string };

const MUNICIPALITIES = ['北京市', '上海市', '天津市', '重庆市'];
const PROVINCE = /^([\u4e00-\u9fa5]{2,7}?(?:省|自治区|特别行政区))/;
const CITY = /^([\u4e00-\u9fa5]{1,9}?(?:市|自治州|地区|盟))/;
const DISTRICT = /^([\u4e00-\u9fa5]{1,9}?(?:区|县|市|旗))/;

/**
 * Splits address text without region data (cheap, for the public form bundle): first by separators
 * (`广东省 / 深圳市 / 南山区 / 科技园路1号`, spaces, `,`), else by the administrative suffixes 省/自治区, 市/州/地区/盟,
 * 区/县/市/旗. Municipalities (北京市…) fill both province and city. `parseChinaAddress` (region-aware) is more exact
 * (short names such as 广东深圳, a missing province); the import pipeline uses it after `loadChinaRegions()`.
 */
export function parseAddressText(text: string): AddressParts {
  const s = text.trim();
  const pieces = s.split(/\s*[/,，|]\s*|\s+/).filter((p) => p !== '');
  const out: AddressParts = {};
  let rest = pieces.length > 1 && PROVINCE.test(pieces[0] ?? '') ? pieces.join('') : s;
  const municipality = MUNICIPALITIES.find((m) => rest.startsWith(m) || rest.startsWith(m.slice(0, 2)));
  if (municipality !== undefined) {
    out.province = municipality;
    out.city = municipality;
    rest = rest.slice(rest.startsWith(municipality) ? municipality.length : 2);
    if (rest.startsWith('市辖区')) rest = rest.slice(3);
    else if (rest.startsWith(municipality)) rest = rest.slice(municipality.length);
  } else {
    const p = PROVINCE.exec(rest);
    if (p?.[1] !== undefined) {
      out.province = p[1];
      rest = rest.slice(p[1].length);
    }
    const c = CITY.exec(rest);
    // Without a province, a city is only trusted when a district follows it (深圳市南山区…, not 人民路市场).
    if (c?.[1] !== undefined && (out.province !== undefined || DISTRICT.test(rest.slice(c[1].length)))) {
      out.city = c[1];
      rest = rest.slice(c[1].length);
    }
  }
  const d = DISTRICT.exec(rest);
  if (d?.[1] !== undefined && (out.city !== undefined || out.province !== undefined)) {
    out.district = d[1];
    rest = rest.slice(d[1].length);
  }
  const detail = rest.trim();
  if (detail !== '') out.detail = detail;
  return out;
}

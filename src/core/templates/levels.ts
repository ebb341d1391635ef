import type { BodyLevel } from '../types';

/** How users name each level, for messages and for the --level option and the pane's settings. */
export const LEVEL_NAMES: Record<BodyLevel, string> = {
  township: '乡镇（街道）',
  county: '县级人民政府',
  'county-dept': '县级人民政府部门',
  city: '设区的市人民政府',
  'city-dept': '市级人民政府部门',
  province: '省级人民政府',
  'province-dept': '省级人民政府部门',
  'state-dept': '国务院部门',
};

export const LEVEL_ALIASES: Record<string, BodyLevel> = {
  乡镇: 'township',
  街道: 'township',
  乡: 'township',
  镇: 'township',
  县: 'county',
  区: 'county',
  县级政府: 'county',
  县级人民政府: 'county',
  县级部门: 'county-dept',
  县级人民政府部门: 'county-dept',
  设区的市: 'city',
  市级政府: 'city',
  设区的市人民政府: 'city',
  市级部门: 'city-dept',
  省级政府: 'province',
  省级人民政府: 'province',
  省级部门: 'province-dept',
  国务院部门: 'state-dept',
  ...Object.fromEntries(Object.entries(LEVEL_NAMES).map(([id, name]) => [name, id as BodyLevel])),
};

/**
 * Levels read from a body's name. Only levels that cannot make 规章 are inferred: a 市人民政府 may be a
 * 设区的市 or a county-level city, so the name alone cannot say.
 */
export const LEVEL_FROM_NAME: ReadonlyArray<{ pattern: RegExp; level: BodyLevel }> = [
  { pattern: /([乡镇]人民政府|街道办事处|街道|[乡镇])(办公室)?$/, level: 'township' },
  { pattern: /[县旗区]人民政府(办公室)?$|[县旗]委.*人民政府办公室$/, level: 'county' },
  { pattern: /[县旗].*(局|委员会|办公室|中心|所|院|馆|站)$/, level: 'county-dept' },
];

export function levelFromName(name: string): BodyLevel | undefined {
  return LEVEL_FROM_NAME.find((l) => l.pattern.test(name.replace(/\s+/g, '')))?.level;
}

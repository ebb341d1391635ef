import { withUserFacts } from '../../src/core';

describe('withUserFacts: the one rule for what the user stated against what the report says', () => {
  const found = { bodyName: '某县人民政府', reportYear: 2023, level: 'county' as const };

  it('lets every fact the user gave win', () => {
    expect(withUserFacts(found, { bodyName: '某镇人民政府', reportYear: 2024 })).toEqual({ bodyName: '某镇人民政府', reportYear: 2024, level: 'county' });
  });

  it('keeps what the report says where the user left a fact empty', () => {
    expect(withUserFacts(found, { bodyName: '', reportYear: undefined })).toEqual(found);
    expect(withUserFacts(found, { reportYear: Number.NaN })).toEqual(found);
    expect(withUserFacts(found, undefined)).toEqual(found);
  });

  it('adds a fact the report does not state', () => {
    expect(withUserFacts({}, { level: 'township' })).toEqual({ level: 'township' });
  });
});

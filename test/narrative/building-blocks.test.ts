import { sharesOf, type Quantity } from '../../src/core/narrative/analytics';
import { formatAmount, formatCount, formatPercent } from '../../src/core/narrative/numbers';
import { allOf, CLAUSES, LIST, list } from '../../src/core/narrative/phrases/common';
import { joinList, runs } from '../../src/core/narrative/runs';

const q = (value: number | null, indicator = 'x'): Quantity => ({
  value,
  derivation: 'cell',
  unit: '件',
  sources: value === null ? [] : [{ indicator, cell: `S!${indicator}`, label: indicator, value }],
  missing: value === null ? [{ indicator, label: indicator }] : [],
});
const textOf = (r: { text: string }[]) => r.map((x) => x.text).join('');

describe('list joining', () => {
  it('joins with 、 and 和, skipping empty items', () => {
    expect(textOf(list(['甲']))).toBe('甲');
    expect(textOf(list(['甲', '乙']))).toBe('甲和乙');
    expect(textOf(list(['甲', null, '', false, '乙', [], '丙']))).toBe('甲、乙和丙');
    expect(textOf(list([]))).toBe('');
    expect(textOf(list(['甲', '乙', '丙'], CLAUSES))).toBe('甲，乙，丙');
  });

  it('keeps figure runs whole and merges neighbouring text', () => {
    const figure = { kind: 'figure' as const, text: '3', value: 3, unit: '件', derivation: 'cell' as const, sources: [] };
    const joined = joinList([runs('甲', figure, '件'), runs('乙')], LIST);
    expect(joined.map((r) => r.kind)).toEqual(['text', 'figure', 'text']);
    expect(textOf(joined)).toBe('甲3件和乙');
  });
});

describe('numbers as published reports print them', () => {
  it('counts without separators, 万元 with their own decimals, shares with one decimal', () => {
    expect(formatCount(12345)).toBe('12345');
    expect(formatAmount(15)).toBe('15');
    expect(formatAmount(0.35)).toBe('0.35');
    expect(formatAmount(0.1 + 0.2)).toBe('0.3');
    expect(formatAmount(1200.5)).toBe('1200.5');
    expect(formatPercent(7)).toBe('7.0');
  });
});

describe('shares by the largest remainder', () => {
  const shares = (values: number[], base: number) =>
    [...(sharesOf(values.map((v, i) => ({ key: String(i), q: q(v, String(i)) })), q(base, 'base'), 's')?.values() ?? [])].map(
      (s) => s.value,
    );

  it('adds up to 100.0 when the parts cover the whole', () => {
    expect(shares([1, 1, 1], 3)).toEqual([33.4, 33.3, 33.3]);
    expect(shares([2, 1], 3)).toEqual([66.7, 33.3]);
    expect(shares([21, 6, 4, 11, 4, 3], 49)).toEqual([42.9, 12.2, 8.2, 22.4, 8.2, 6.1]);
  });

  it('rounds the total of a partial set half up, so no share is off by 0.1 or more', () => {
    // 1/8 + 1/8 = 25.0 exactly; each is 12.5.
    expect(shares([1, 1], 8)).toEqual([12.5, 12.5]);
    // 1/6 + 1/6 = 33.33… → 33.3 in all: one of the two 16.66… gets the extra tenth.
    expect(shares([1, 1], 6)).toEqual([16.7, 16.6]);
  });

  it('gives no shares of an unknown or zero whole, or with an unknown part', () => {
    expect(sharesOf([{ key: 'a', q: q(1) }], q(0), 's')).toBeNull();
    expect(sharesOf([{ key: 'a', q: q(1) }], q(null), 's')).toBeNull();
    expect(sharesOf([{ key: 'a', q: q(null) }], q(4), 's')).toBeNull();
  });
});

describe('均 for a single item', () => {
  it('drops 均 when the total is 1', () => {
    expect(allOf(q(1), '均通过网络申请')).toBe('通过网络申请');
    expect(allOf(q(2), '均通过网络申请')).toBe('均通过网络申请');
  });
});

import fc from 'fast-check';
import { exactDifference, exactSum, FIGURE_PLACES, readCell, readText, roundFigure, sameAtPlaces } from '../../src/core/values';

describe('reading a cell as a figure', () => {
  it('keeps blank distinct from 0', () => {
    expect(readCell(undefined)).toEqual({ kind: 'blank' });
    expect(readCell({ value: null })).toEqual({ kind: 'blank' });
    expect(readCell({ value: '   ' })).toEqual({ kind: 'blank' });
    expect(readCell({ value: 0 })).toMatchObject({ kind: 'number', value: 0, forms: [] });
  });

  it.each(['/', '／', '—', '——', '-', '无'])('reads %s as the user saying "none", not as a number', (raw) => {
    expect(readText(raw)).toEqual({ kind: 'placeholder', raw });
  });

  it.each([
    ['12', 12, ['stored-as-text']],
    [' 8295 ', 8295, ['stored-as-text']],
    ['8,295', 8295, ['stored-as-text', 'thousands-separator']],
    ['1，234，567', 1234567, ['stored-as-text', 'full-width', 'thousands-separator']],
    ['８２９５', 8295, ['stored-as-text', 'full-width']],
    ['251000元', 251000, ['stored-as-text', 'unit-in-cell']],
    ['3件', 3, ['stored-as-text', 'unit-in-cell']],
    ['12.5万元', 12.5, ['stored-as-text', 'unit-in-cell']],
    ['减4', -4, ['stored-as-text', 'delta-word']],
    ['增3', 3, ['stored-as-text', 'delta-word']],
    ['-2', -2, ['stored-as-text']],
    ['2.5', 2.5, ['stored-as-text']],
  ])('reads "%s" as %d and says how it was written', (raw, value, forms) => {
    expect(readText(raw)).toMatchObject({ kind: 'number', value, forms });
  });

  it('remembers the unit typed into the cell', () => {
    expect(readText('251000元')).toMatchObject({ unit: '元' });
    expect(readText('12.5万元')).toMatchObject({ unit: '万元' });
  });

  it.each(['#REF!', '#VALUE!', '#DIV/0!', '#N/A', '#NAME?'])('recognizes the Excel error %s', (raw) => {
    expect(readCell({ value: raw })).toEqual({ kind: 'error', raw });
  });

  it.each(['约20件', '见附件', '二十', 'TRUE'])('does not guess a number from "%s"', (raw) => {
    expect(readText(raw).kind).toBe('text');
  });

  it('reads a formula cell by its cached result', () => {
    expect(readCell({ value: 17, formula: '=SUM(C5:C9)' })).toMatchObject({ kind: 'number', value: 17 });
    expect(readCell({ value: null, formula: '=A1' })).toEqual({ kind: 'blank' });
  });

  it('reads a plain number typed as text in any of the odd forms back to the same value', () => {
    const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const withThousands = (n: number) => n.toLocaleString('en-US');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom('plain', 'full', 'thousands', 'unit', 'spaces'), (n, form) => {
        const text = {
          plain: String(n),
          full: toFullWidth(String(n)),
          thousands: withThousands(n),
          unit: `${n}件`,
          spaces: `  ${n} `,
        }[form];
        const r = readText(text);
        return r.kind === 'number' && r.value === n;
      }),
    );
  });

  it('never throws and never reads a word as a number', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = readText(s);
        if (r.kind === 'number') return Number.isFinite(r.value) && /\d/.test(s.normalize('NFKC'));
        return true;
      }),
    );
  });
});

describe('exact arithmetic', () => {
  it('adds decimals at their own precision', () => {
    expect(exactSum([0.1, 0.2]).sum).toBe(0.3);
    expect(exactSum([12.35, 0.01, 3]).sum).toBe(15.36);
    expect(exactDifference(0.3, 0.1 + 0.2)).toBe(0);
  });

  it('never hides a difference of 1 in a count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 30 }), (parts) => {
        const { sum } = exactSum(parts);
        return exactDifference(sum + 1, sum) === 1;
      }),
    );
  });
});

describe('the one rounding rule for sums of figures (values.ts)', () => {
  it('rounds a floating-point sum of 万元 figures to the figures as written', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(roundFigure(0.1 + 0.2)).toBe(0.3);
    expect(roundFigure(1.15 + 2.3 + 0.05)).toBe(3.5);
    expect(roundFigure(12345 / 10000)).toBe(1.2345);
  });

  it('agrees with exact addition for figures of up to FIGURE_PLACES decimals', () => {
    const figure = fc.integer({ min: 0, max: 10 ** 8 }).chain((n) => fc.integer({ min: 0, max: FIGURE_PLACES }).map((places) => n / 10 ** places));
    fc.assert(fc.property(fc.array(figure, { maxLength: 20 }), (figures) => roundFigure(figures.reduce((a, b) => a + b, 0)) === exactSum(figures).sum));
  });

  it('compares a figure with a number written at fewer places after rounding it to them', () => {
    expect(sameAtPlaces(12.4, 12.35, 1)).toBe(true);
    expect(sameAtPlaces(12.3, 12.35, 1)).toBe(false);
    expect(sameAtPlaces(3, 3, 0)).toBe(true);
    expect(sameAtPlaces(3, 3.4, 0)).toBe(true);
    expect(sameAtPlaces(3, 3.6, 0)).toBe(false);
  });
});

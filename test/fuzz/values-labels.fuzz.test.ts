import fc from 'fast-check';
import { labelCore, matchConfidence, normalizeText, prepareLabel } from '../../src/core/labels';
import { readCell, readText } from '../../src/core/values';
import { anyCell, counted, labelLike, reportCases, runs, TEMPLATE_LABELS } from './fuzz';

reportCases('values-labels');

describe('the value reader on anything a cell may hold', () => {
  it('never throws, and a number it reads is finite', () => {
    fc.assert(
      fc.property(
        anyCell,
        counted('readCell', (cell) => {
          const r = readCell(cell);
          if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
        }),
      ),
      { numRuns: runs(300) },
    );
  });

  it('reads text the same with spaces or full-width spaces around it', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 10 }), fc.integer().map(String)),
        fc.constantFrom(' ', '\u3000', '\t', '  '),
        counted('readText padding', (text, pad) => {
          expect(readText(pad + text + pad)).toEqual(readText(text));
        }),
      ),
      { numRuns: runs(300) },
    );
  });
});

describe('label matching on any text', () => {
  const prepared = TEMPLATE_LABELS.map((label) => prepareLabel({ label, variants: [] }));

  it('labelCore never throws and its core has no spaces left', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }), labelLike),
        counted('labelCore', (text) => {
          expect(labelCore(text)).not.toMatch(/\s/);
        }),
      ),
      { numRuns: runs(300) },
    );
  });

  it('matchConfidence stays between 0 and 1 and is 1 for a label against itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 30 }), labelLike),
        fc.nat(prepared.length - 1),
        counted('matchConfidence', (text, i) => {
          const c = matchConfidence(labelCore(text), prepared[i]);
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(1);
          if (prepared[i].cores.length > 0) expect(matchConfidence(prepared[i].cores[0], prepared[i])).toBe(1);
        }),
      ),
      { numRuns: runs(300) },
    );
  });

  it('a template label keeps its core with spaces inside it and its punctuation in the other width', () => {
    const otherWidth = (s: string) =>
      s.replace(/[\u0021-\u007e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATE_LABELS),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        counted('label spacing and width', (label, cuts, swapWidth) => {
          let spaced = label;
          for (const cut of cuts) {
            const at = cut % (spaced.length + 1);
            spaced = `${spaced.slice(0, at)} ${spaced.slice(at)}`;
          }
          const shown = swapWidth ? otherWidth(spaced) : spaced;
          expect(normalizeText(shown)).toBe(normalizeText(label));
          expect(labelCore(shown)).toBe(labelCore(label));
        }),
      ),
      { numRuns: runs(200) },
    );
  });
});

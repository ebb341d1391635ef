import { proofreadText } from '../../src/core/proofread';
import { quantities } from '../../src/core/proofread/extract';
import { EXCERPT_LENGTH, excerpt } from '../../src/core/proofread/sentences';
import { nationalReport } from './reports';

/**
 * Hostile sizes (issue 11 §3): the proofreader reads numbers and keywords in time linear in the
 * sentence's length, and a finding shows at most a window of a long sentence. These tests assert what
 * is found at sizes where the old quadratic patterns took minutes; timings belong to `npm run bench`.
 */

const WINDOW = EXCERPT_LENGTH + 2; // the window and its two …

describe('numbers are read once, however long the run', () => {
  test('a 300 KB line of digits is not a figure (and not a number anyone wrote)', () => {
    const digits = '1'.repeat(300_000);
    expect(quantities(digits)).toEqual([]);
    expect(proofreadText(digits, nationalReport())).toMatchObject({ findings: [], checked: 0, unchecked: 0 });
    expect(proofreadText(`本年度新收政府信息公开申请${digits}件。`, nationalReport())).toMatchObject({ findings: [], checked: 0 });
  });

  test('a 300 KB run of Chinese numerals, of commas between digits, of spaces after a number', () => {
    expect(quantities(`${'一'.repeat(300_000)}件`)).toEqual([]);
    const commas = quantities(`${'1,'.repeat(150_000)}1件`);
    expect(commas).toHaveLength(1);
    expect(commas[0]).toMatchObject({ value: 1, unit: '件' });
    expect(quantities(`5${' '.repeat(300_000)}件`)).toEqual([]);
  });

  test('ordinary numbers next to a long run are still read', () => {
    const text = `${'9'.repeat(100_000)}，新收政府信息公开申请50件，占100.0%。`;
    expect(quantities(text).map((q) => [q.value, q.unit])).toEqual([
      [50, '件'],
      [100, '%'],
    ]);
    expect(proofreadText(text, nationalReport())).toMatchObject({ findings: [], checked: 1 });
  });
});

describe('a sentence with 10,000 quantities', () => {
  const N = 10_000;

  test('every claim is compared; right ones pass', () => {
    const result = proofreadText(`${'予以公开21件、'.repeat(N)}。`, nationalReport());
    expect(result).toMatchObject({ findings: [], checked: N });
  });

  test('wrong ones are each reported, each showing a window of the sentence around its claim', () => {
    const sentence = `${'予以公开20件、'.repeat(N)}。`;
    const { findings } = proofreadText(sentence, nationalReport());
    expect(findings).toHaveLength(N);
    for (const f of [findings[0], findings[N / 2], findings[N - 1]]) {
      expect(f.rule).toBe('proofread.count-mismatch');
      expect(f.sentence).toBe(sentence);
      expect(f.excerpt.length).toBeLessThanOrEqual(WINDOW);
      expect(f.excerpt).toContain(f.quote);
      expect(f.message.length).toBeLessThan(200);
    }
    expect(findings[N - 1].excerpt.startsWith('…')).toBe(true);
  });

  test('names joined before one number, shares, 分别 lists and text lists stay bounded', () => {
    expect(proofreadText(`${'予以公开及部分公开'.repeat(N)}27件。`, nationalReport())).toMatchObject({ findings: [], checked: 1 });
    expect(proofreadText(`予以公开21件${'，占42.9%'.repeat(N)}。`, nationalReport())).toMatchObject({ findings: [], checked: 2 });
    expect(proofreadText(`予以公开、部分公开分别为${'1件、'.repeat(N)}。`, nationalReport())).toMatchObject({ findings: [], checked: 0 });
    const list = proofreadText(`共公布政府信息${N + 5}条，其中${'政策文件类1条、'.repeat(N)}其他类1条。`, nationalReport());
    expect(list.findings.map((f) => f.rule)).toEqual(['proofread.parts-sum']);
    expect(list.findings[0].message.length).toBeLessThan(300);
    expect(list.findings[0].excerpt.length).toBeLessThanOrEqual(WINDOW);
  });

  test('many keywords, years and "没有" in one long sentence', () => {
    const result = proofreadText(`${'不予公开、无法提供、2022年、没有、'.repeat(N)}行政复议。`, nationalReport({}, { reportYear: 2023 }));
    // Only the last "没有、行政复议" says something, against table 四's 4 reviews.
    expect(result.findings.map((f) => [f.rule, f.expected])).toEqual([['proofread.none-contradicted', 4]]);
    const none = proofreadText(`${'没有'.repeat(N)}行政复议。`, nationalReport());
    expect(none.findings.map((f) => f.rule)).toEqual(['proofread.none-contradicted']);
    expect(none.findings[0].excerpt.length).toBeLessThanOrEqual(WINDOW);
  });
});

describe('excerpt', () => {
  test('a short sentence whole; a long one as a window around the claim, marked where cut', () => {
    expect(excerpt('短句。', 0, 2)).toBe('短句。');
    const long = `${'甲'.repeat(500)}予以公开20件${'乙'.repeat(500)}`;
    const window = excerpt(long, 500, 508);
    expect(window).toMatch(/^…甲+予以公开20件乙+…$/);
    expect(window.length).toBe(WINDOW);
    expect(excerpt(long, 0, 8).startsWith('甲')).toBe(true);
    expect(excerpt(long, long.length - 3, long.length).endsWith('乙')).toBe(true);
  });
});

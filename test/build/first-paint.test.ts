import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { webLightTheme } from '@fluentui/react-components';

/**
 * The pane's first paint (taskpane.html and the scripts it loads, from `npm run build`) stays small, and
 * what it takes from Fluent at build time (scripts/first-paint-fluent.js) is Fluent's own: every theme
 * value once, between the first paint and the chunk after it, and a rule for every class of the buttons.
 */
const DIST = path.join(__dirname, '..', '..', 'dist-web');
const FIRST_PAINT_LIMIT = 90 * 1024;
interface FirstPaintFluent {
  firstPaint: { theme: Record<string, string>; buttonClasses: Record<'primary' | 'secondary' | 'primaryDisabled' | 'secondaryDisabled', string>; buttonCss: string };
  themeRest: Record<string, string>;
}
// A CommonJS script of the build (webpack.config.js runs it).
const { firstPaintFluent } = require('../../scripts/first-paint-fluent') as { firstPaintFluent(): FirstPaintFluent };

const read = (file: string) => readFileSync(path.join(DIST, file));
const html = read('taskpane.html').toString();
const firstPaintScripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));

test(`the first paint is at most ${FIRST_PAINT_LIMIT / 1024} KiB gzip`, () => {
  expect(firstPaintScripts.some((src) => /^taskpane\./.test(src))).toBe(true);
  const gzip = [html, ...firstPaintScripts.map(read)].reduce((sum, data) => sum + gzipSync(data, { level: 9 }).length, 0);
  expect(gzip).toBeLessThanOrEqual(FIRST_PAINT_LIMIT);
});

test('neither the first paint nor the findings view carries the highlighting code', () => {
  const findings = readdirSync(DIST).filter((f) => /^findings\..*\.js$/.test(f));
  expect(findings).toHaveLength(1);
  // Gradient fills are named only in src/excel/highlight.ts.
  for (const file of [...firstPaintScripts, ...findings]) expect(read(file).toString()).not.toContain('RectangularGradient');
  expect(readdirSync(DIST).some((f) => f.endsWith('.js') && read(f).toString().includes('RectangularGradient'))).toBe(true);
});

describe('what the first paint takes from Fluent at build time', () => {
  const { firstPaint, themeRest } = firstPaintFluent();

  test('every value of the light theme once, in the first paint or just after', () => {
    expect({ ...firstPaint.theme, ...themeRest }).toEqual(webLightTheme);
    expect(Object.keys(firstPaint.theme).filter((name) => name in themeRest)).toEqual([]);
    // The shell's own styles (App.tsx) are among the values the first paint keeps.
    expect(Object.keys(firstPaint.theme)).toEqual(expect.arrayContaining(['fontSizeBase500', 'colorNeutralForeground2', 'colorBrandBackground']));
  });

  test("the buttons' classes are Fluent's, each with its rules, and the CSS uses only values the first paint has", () => {
    expect(firstPaint.buttonClasses.primary.split(' ')[0]).toBe('fui-Button');
    const own = Object.values(firstPaint.buttonClasses).flatMap((list) => list.split(' ')).filter((c) => !c.startsWith('fui-'));
    expect(own.length).toBeGreaterThan(20);
    const css = firstPaint.buttonCss;
    expect(own.filter((c) => !/^nb-___/.test(c) && !css.includes(`.${c}`))).toEqual([]);
    expect(css).toContain('var(--colorBrandBackgroundHover)');
    expect(css).toContain('[data-fui-focus-visible]');
    expect(css).toContain('@media (forced-colors: active)');
    const used = [...css.matchAll(/var\(--(\w+)\)/g)].map((m) => m[1]);
    expect(used.filter((name) => !(name in firstPaint.theme) && name in themeRest)).toEqual([]);
  });
});

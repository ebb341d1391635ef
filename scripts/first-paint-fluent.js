/**
 * What the task pane's first paint takes from Fluent UI, computed when the pane is built, from the
 * installed Fluent (webpack.config.js passes it in with DefinePlugin): the light theme's values, and
 * the class names and CSS of the toolbar's buttons as Fluent's own Button renders them. The first
 * paint then shows exactly Fluent's buttons without carrying Fluent's Button, its token table and the
 * code that computes the theme (about 13 KB gzip), and only the theme values it uses; every later view
 * uses Fluent itself.
 */
const fs = require('fs');
const path = require('path');
const React = require('react');
const { renderToStaticMarkup } = require('react-dom/server');
const { Button, createDOMRenderer, FluentProvider, RendererProvider, renderToStyleElements, webLightTheme } = require('@fluentui/react-components');

/** The buttons the first paint shows: Fluent's defaults (medium, rounded), primary or not, enabled or not. */
const VARIANTS = {
  primary: { appearance: 'primary' },
  secondary: {},
  primaryDisabled: { appearance: 'primary', disabled: true },
  secondaryDisabled: { disabled: true },
};

/**
 * Renders `children` in a FluentProvider; returns the markup and the CSS rules Griffel made, each with
 * its media query, in Griffel's order.
 */
function render(children) {
  const renderer = createDOMRenderer();
  const h = React.createElement;
  const markup = renderToStaticMarkup(h(RendererProvider, { renderer }, h(FluentProvider, { theme: webLightTheme }, ...children)));
  const sheets = Object.values(renderer.stylesheets);
  const rules = [];
  // renderToStyleElements gives the stylesheets in the order Griffel inserts them.
  for (const element of renderToStyleElements(renderer)) {
    const media = element.props.media;
    const sheet = sheets.find((s) => s.bucketName === element.key && s.elementAttributes.media === media);
    for (const rule of sheet.cssRules()) rules.push({ media, rule });
  }
  return { markup, rules };
}

/** The rules as a stylesheet, one @media block for each run of rules under the same query. */
function stylesheet(rules) {
  let css = '';
  for (let i = 0; i < rules.length; ) {
    const { media } = rules[i];
    let run = '';
    for (; i < rules.length && rules[i].media === media; i++) run += rules[i].rule;
    css += media ? `@media ${media}{${run}}` : run;
  }
  return css;
}

/**
 * The first paint's copies of Fluent's class names get a prefix of their own: when Fluent's Button
 * renders later (in a notice), Griffel inserts its rules again after these, and a copy of a rule
 * coming later would change the order Griffel relies on (a disabled button's hover must come after
 * the enabled one's).
 */
const PREFIX = 'nb-';

/** The theme values named as `tokens.name` in the pane's first-paint modules (those that import ./firstPaint). */
function tokensNamedAtFirstPaint() {
  const dir = path.join(__dirname, '..', 'src', 'taskpane');
  const names = [];
  for (const file of fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    if (/from '\.\/firstPaint'/.test(source)) names.push(...[...source.matchAll(/\btokens\.(\w+)/g)].map((m) => m[1]));
  }
  return names;
}

const varsIn = (css) => [...css.matchAll(/var\(--(\w+)\)/g)].map((m) => m[1]);

function firstPaintFluent() {
  const names = Object.keys(VARIANTS);
  const key = ({ media, rule }) => `${media}|${rule}`;
  const provider = render([]).rules;
  const alone = new Set(provider.map(key));
  const { markup, rules } = render(names.map((name) => React.createElement(Button, { key: name, ...VARIANTS[name] }, name)));
  const classes = {};
  for (const [, className, name] of markup.matchAll(/<button[^>]*class="([^"]+)"[^>]*>(\w+)<\/button>/g)) classes[name] = className.split(' ');
  if (Object.keys(classes).length !== names.length) throw new Error(`first-paint-fluent: found the classes of ${Object.keys(classes).join(', ')} only`);
  // Fluent's public class names (fui-Button) carry no rules and stay as they are.
  const own = [...new Set(Object.values(classes).flat())].filter((c) => !c.startsWith('fui-'));
  const pattern = `\\.(${own.map((c) => c.replace(/[^\w-]/g, '\\$&')).join('|')})(?![\\w-])`;
  const ours = new RegExp(pattern);
  // Griffel inserts the rules of every variant of Button; only those of these buttons are kept.
  const css = stylesheet(rules.filter((rule) => !alone.has(key(rule)) && ours.test(rule.rule)));
  const prefixed = (c) => (c.startsWith('fui-') ? c : PREFIX + c);
  const buttonClasses = Object.fromEntries(Object.entries(classes).map(([name, list]) => [name, list.map(prefixed).join(' ')]));
  // The values the first paint uses (its buttons, the provider's own styles, the shell's styles); the
  // rest of the theme comes in a chunk of its own just after it (src/taskpane/lightThemeRest.ts).
  const used = new Set([...varsIn(css), ...provider.flatMap((r) => varsIn(r.rule)), ...tokensNamedAtFirstPaint()]);
  const unknown = [...used].filter((name) => !(name in webLightTheme) && !name.startsWith('fui-'));
  if (unknown.length > 0) throw new Error(`first-paint-fluent: ${unknown.join(', ')} not in the theme`);
  const pick = (test) => Object.fromEntries(Object.entries(webLightTheme).filter(([name]) => test(name)));
  return {
    firstPaint: { theme: pick((name) => used.has(name)), buttonClasses, buttonCss: css.replace(new RegExp(pattern, 'g'), `.${PREFIX}$1`) },
    themeRest: pick((name) => !used.has(name)),
  };
}

module.exports = { firstPaintFluent };

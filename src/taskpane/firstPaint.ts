import type { Theme } from '@fluentui/react-components';

type ButtonVariant = 'primary' | 'secondary' | 'primaryDisabled' | 'secondaryDisabled';

/** Defined by webpack.config.js, from scripts/first-paint-fluent.js. */
declare const NIANBAO_FIRST_PAINT: { theme: Partial<Theme>; buttonClasses: Record<ButtonVariant, string>; buttonCss: string };

/**
 * What the first paint takes from Fluent UI, computed when the pane is built from the installed Fluent:
 * the values of webLightTheme that it uses (its buttons', the provider's and the `tokens.name` its
 * modules name), instead of the colour tables and code that compute the theme, and the toolbar
 * buttons' class names and CSS as Fluent's Button renders them (see ShellButton). The rest of the
 * theme comes just after (lightThemeRest.ts).
 */
export const { theme: firstPaintTheme, buttonClasses, buttonCss } = NIANBAO_FIRST_PAINT;

/** Fluent's `tokens`: each theme value's CSS variable, made from its name instead of shipped as a table. */
export const tokens = new Proxy({} as Record<keyof Theme, string>, { get: (_, name) => `var(--${String(name)})` });

let completed!: () => void;
const wholeTheme = new Promise<void>((resolve) => (completed = resolve));

/** Called by main.tsx once the provider carries the whole theme (or gave up fetching the rest). */
export function themeCompleted(): void {
  completed();
}

/** The loader of a view shown after the first paint, waiting also for the whole theme (badges and messages use its colours). */
export function withWholeTheme<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), wholeTheme]).then(([loaded]) => loaded);
}

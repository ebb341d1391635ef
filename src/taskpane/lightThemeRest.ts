import type { Theme } from '@fluentui/react-components';

/** Defined by webpack.config.js, from scripts/first-paint-fluent.js. */
declare const NIANBAO_LIGHT_THEME_REST: Partial<Theme>;

/** The light theme's values the first paint does not use, in a chunk of its own (scripts/first-paint-fluent.js). */
export const lightThemeRest: Partial<Theme> = NIANBAO_LIGHT_THEME_REST;

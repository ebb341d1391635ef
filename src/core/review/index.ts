export { bodyFromFileName, BodyIndex, normalizeBodyName, regionFromName } from './bodies';
export { FIGURE_SOURCES, MAIN_FIGURES, RATES, SMALL_BASE, type MainFigure, type RateId } from './figures';
export { reviewMessages, RULE_TITLES, STATUS_NAMES } from './messages';
export * from './model';

/**
 * The engine's one entry point (its facade) for every host, the CLI and the pane: nothing outside
 * src/core imports a core module but this one. Cells in; recognized tables and findings out
 * (analyzeWorkbook), a totals plan where totals are shown or written (planTotals); drafting and
 * proofreading too. Pure: no Office, no DOM, no file system, no network.
 */
export * from './types';
export * from './grid';
export { analyzeWorkbook, type AnalyzeOptions } from './analyze';
export { CHECKS, type Check, type CheckScope } from './checks/registry';
export { reportFigures, type ReportFigures } from './reports';
export { render, type MessageCode } from './render';
export { planTotals, type TotalsOptions } from './totals';
export { displayOf } from './values';
export { FORMAT_NAMES, TEMPLATE_FORMATS, TEMPLATE_SHEET_NAME, describeCells, figureName, formatNumber, type FigureArg } from './messages';
export { SEVERITIES, SEVERITY_NAMES, SEVERITY_STYLE, CELL_FILLS, TEXT_HIGHLIGHTS, bySeverity } from './severity';
export { documentTitle, factsFromDocument, factsFromTitle, withUserFacts } from './reportfacts';
export { DRAFTABLE_FORMATS, draftNarrative, narrativeToText } from './narrative';
export type { DraftInput, FigureRun, Narrative, Paragraph, Run } from './narrative';
export { completeReport, isTableBlock, reportBlocks, type ReportBlock, type ReportPart, type TableBlock } from './layout/report';
export { blankTemplate, plainSums, type BlankCell, type BlankCellRole, type BlankTemplate } from './layout/blank';
export { figureText, reportTableGrids, tableGrid, type GridCell, type TableGrid } from './layout/grid';
export { GONGWEN, narrativeBlocks, TEXT_WIDTH, type BlockParagraph, type BlockRole, type NarrativeBlock } from './narrative/style';
export { proofreadParagraphs, proofreadText, proofreadTextAlone, type ProofFinding, type ProofreadResult, type Repetition } from './proofread';
export { LEVEL_ALIASES, LEVEL_NAMES } from './templates/levels';
export { hasNumbering } from './labels';
export { isTemplateLabel } from './recognize';
export { SENTENCE, tokenKind } from './reflow';
export * from './review';

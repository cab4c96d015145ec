/** The backlog report: view model, HTML / Markdown / JSON renderers and the SVG charts. */
export { buildReport, reportStory, topMessage, DEFAULT_LIST_LIMIT } from './model';
export type { ReportModel, ReportOptions, ReportStory, StoryRef, CriterionRow, CountRow, FixFirstRow, TopFinding, TrendPoint } from './model';
export { renderHtml, ReportDocument } from './html';
export { renderMarkdown, mdEscape } from './markdown';
export { renderJson, reportJson, type ReportJson } from './json';
export { CRITERION_NAMES, FORM_NAMES, failingAnchor } from './view/criteria';
export * from './view/charts';

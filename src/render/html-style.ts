/**
 * The static report's one stylesheet: Atlassian design token values for light and dark (the charts
 * read the same `--ds-…` variables as in the Custom UI), a readable single-column layout, print rules.
 */
/** The design tokens the report uses: name, light value, dark value (Atlassian's). */
const TOKENS: readonly [name: string, light: string, dark: string][] = [
  ['text', '#172b4d', '#b6c2cf'],
  ['text-subtle', '#44546f', '#9fadbc'],
  ['text-subtlest', '#626f86', '#8c9bab'],
  ['link', '#0c66e4', '#579dff'],
  ['surface', '#ffffff', '#1d2125'],
  ['surface-sunken', '#f7f8f9', '#161a1d'],
  ['border', '#091e4224', '#a6c5e229'],
  ['background-neutral', '#091e420f', '#a1bdd914'],
  ['background-brand-bold', '#0c66e4', '#579dff'],
  ['border-focused', '#388bff', '#85b8ff'],
  ['background-danger-bold', '#c9372c', '#f87168'],
  ['chart-warning-bold', '#b65c02', '#e2b203'],
  ['background-success-bold', '#1f845a', '#4bce97'],
  ['text-danger', '#ae2e24', '#fd9891'],
  ['text-warning', '#a54800', '#fea362'],
  ['text-success', '#216e4e', '#7ee2b8'],
];

const declarations = (scheme: 1 | 2, indent: string) => TOKENS.map((t) => `${indent}--ds-${t[0]}: ${t[scheme]};`).join('\n');

export const REPORT_CSS = `
:root {
  color-scheme: light dark;
${declarations(1, '  ')}
}
@media (prefers-color-scheme: dark) {
  :root {
${declarations(2, '    ')}
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { background: var(--ds-surface); color: var(--ds-text); }
body {
  margin: 0;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Ubuntu, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 980px; margin: 0 auto; padding: 24px 24px 48px; }
h1 { font-size: 24px; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 18px; line-height: 1.3; margin: 0 0 8px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 0 0 8px; }
a { color: var(--ds-link); }
a:focus-visible { outline: 2px solid var(--ds-border-focused); outline-offset: 2px; border-radius: 2px; }
.sh-meta, .sh-subtle, figcaption { color: var(--ds-text-subtle); }
.sh-note { color: var(--ds-text-warning); }
header { margin-bottom: 16px; }
nav.sh-toc ol { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; margin: 0 0 8px; padding: 0; }
section { border-top: 1px solid var(--ds-border); padding: 20px 0 8px; break-inside: avoid-page; }
section:target, h3:target { scroll-margin-top: 8px; }
.sh-score-row { display: grid; grid-template-columns: 180px minmax(0, 1fr); gap: 24px; align-items: center; }
.sh-score-value { font-size: 64px; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
.sh-score-value.sh-low { color: var(--ds-text-danger); }
.sh-score-value.sh-mid { color: var(--ds-text-warning); }
.sh-score-value.sh-high { color: var(--ds-text-success); }
.sh-score-of { font-size: 20px; color: var(--ds-text-subtle); }
.sh-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 12px; margin: 0; }
.sh-card { background: var(--ds-surface-sunken); border: 1px solid var(--ds-border); border-radius: 6px; padding: 12px; margin: 0; }
.sh-card dt { font-weight: 600; }
.sh-card dd { margin: 0; }
.sh-card .sh-count { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
.sh-card .sh-hint { color: var(--ds-text-subtle); font-size: 12px; }
table.sh-table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
.sh-table th, .sh-table td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--ds-border); }
.sh-table thead th { color: var(--ds-text-subtle); font-weight: 600; font-size: 12px; }
.sh-table td.sh-num, .sh-table th.sh-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sh-key { white-space: nowrap; font-weight: 600; }
.sh-list, .sh-groups { padding-left: 20px; }
.sh-list li, .sh-groups > li { margin-bottom: 6px; }
.sh-groups .sh-list { margin: 4px 0 0; }
.sh-finding code { font-size: 12px; }
.sh-chain { list-style: none; padding: 0; }
.sh-chain li { margin-bottom: 4px; }
.sh-bar-row:focus { outline: none; }
.sh-bar-row:focus-visible .sh-focus-ring { opacity: 1; }
.sh-bar-row:hover .sh-bar { opacity: 0.85; }
@media (max-width: 640px) {
  main { padding: 16px 12px 32px; }
  .sh-score-row { grid-template-columns: 1fr; }
}
@media print {
  html { background: #fff; color: #000; }
  nav.sh-toc { display: none; }
  section { break-inside: auto; }
}
`;

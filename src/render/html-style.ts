/**
 * The static report's one stylesheet: Atlassian design token values for light and dark (the charts
 * read the same `--ds-…` variables as in the Custom UI), a readable single-column layout, print rules.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --ds-text: #172b4d;
  --ds-text-subtle: #44546f;
  --ds-text-subtlest: #626f86;
  --ds-link: #0c66e4;
  --ds-surface: #ffffff;
  --ds-surface-sunken: #f7f8f9;
  --ds-border: #091e4224;
  --ds-background-neutral: #091e420f;
  --ds-background-brand-bold: #0c66e4;
  --ds-border-focused: #388bff;
  --ds-background-danger-bold: #c9372c;
  --ds-chart-warning-bold: #b65c02;
  --ds-background-success-bold: #1f845a;
  --ds-text-danger: #ae2e24;
  --ds-text-warning: #a54800;
  --ds-text-success: #216e4e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ds-text: #b6c2cf;
    --ds-text-subtle: #9fadbc;
    --ds-text-subtlest: #8c9bab;
    --ds-link: #579dff;
    --ds-surface: #1d2125;
    --ds-surface-sunken: #161a1d;
    --ds-border: #a6c5e229;
    --ds-background-neutral: #a1bdd914;
    --ds-background-brand-bold: #579dff;
    --ds-border-focused: #85b8ff;
    --ds-background-danger-bold: #f87168;
    --ds-chart-warning-bold: #e2b203;
    --ds-background-success-bold: #4bce97;
    --ds-text-danger: #fd9891;
    --ds-text-warning: #fea362;
    --ds-text-success: #7ee2b8;
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

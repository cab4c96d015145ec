/**
 * Exports: CSV (csv-stringify, loaded only when someone downloads, so the first load stays small)
 * and JSON, saved with a Blob, an object URL and `<a download>` (allowed in Forge's Custom UI).
 */
import { CSV_HEADER, csvRow } from './csv';
import type { ReportIssue } from '../../shared/report-invokes';

/**
 * RFC 4180 CSV: every field that needs it quoted, CRLF line ends, a BOM so spreadsheet apps read
 * UTF-8, and cells that a spreadsheet would run as a formula (=, +, -, @ …) prefixed with '.
 */
export async function toCsv(issues: readonly ReportIssue[]): Promise<string> {
  const { stringify } = await import('csv-stringify/browser/esm/sync');
  return stringify([[...CSV_HEADER], ...issues.map(csvRow)], { bom: true, record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ });
}

export function downloadText(fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own reference by now; give the browser a moment before letting go.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

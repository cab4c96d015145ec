/** Machine-readable output: the engine's report, unchanged. */
import type { AnalysisReport } from '../../core/story';
import type { FormatOptions } from './common';

export function formatJson(report: AnalysisReport, _opts: FormatOptions = {}): string {
  return JSON.stringify(report, null, 2);
}

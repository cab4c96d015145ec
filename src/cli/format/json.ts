/**
 * Machine-readable output: the engine's report unchanged, plus what the input left out — read
 * problems and issues skipped because their type is not checked — so JSON says what text says.
 */
import type { AnalysisReport } from '../../core/story';
import type { SkippedIssue } from '../input';
import type { ReadError } from '../readers/types';
import type { FormatOptions } from './common';

export interface AnalyzeJson extends AnalysisReport {
  input: {
    /** Files and rows that could not be read (also on stderr); the report covers the rest. */
    problems: ReadError[];
    /** Issues of types the settings do not check. */
    skipped: SkippedIssue[];
    checkedTypes: string[];
  };
}

export function formatJson(report: AnalysisReport, opts: FormatOptions = {}): string {
  const out: AnalyzeJson = {
    ...report,
    input: { problems: [...(opts.errors ?? [])], skipped: [...(opts.skipped ?? [])], checkedTypes: [...(opts.checkedTypes ?? [])] },
  };
  return JSON.stringify(out, null, 2);
}

/**
 * The report as JSON: the snapshot (exactly what `aggregate` returns, as the Forge scan stores it),
 * the trend, and one row per story with its top finding's message. A JSON report can be passed back
 * with `--history` to draw the trend of later reports.
 */
import type { Snapshot } from '../core/aggregate';
import { topMessage, type ReportModel, type ReportStory, type TopFinding, type TrendPoint } from './model';

export interface ReportJson {
  tool: { name: 'story-health'; version: string | null; engineVersion: string };
  title: string;
  source: string | null;
  /** Caveats about the input (read problems, skipped issue types), as the HTML and Markdown show them. */
  notes: string[];
  /** Issues left out because the settings do not check their type. */
  skipped: { key: string; issueType: string }[];
  /** Earlier scans and this one, oldest first. */
  history: TrendPoint[];
  snapshot: Snapshot;
  stories: (Omit<ReportStory, 'top'> & { top: (TopFinding & { message: string }) | null })[];
}

export function reportJson(model: ReportModel): ReportJson {
  return {
    tool: { name: 'story-health', version: model.toolVersion, engineVersion: model.engineVersion },
    title: model.title,
    source: model.source,
    notes: model.notes,
    skipped: model.skipped,
    history: model.trend,
    snapshot: model.snapshot,
    stories: model.stories.map((s) => ({ ...s, top: s.top ? { ...s.top, message: topMessage(s.top) ?? '' } : null })),
  };
}

export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(reportJson(model), null, 2)}\n`;
}

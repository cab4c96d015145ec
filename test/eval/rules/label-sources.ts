/**
 * Reads the text a label points at, in place, from the shared data sets (`../shared/datasets` or
 * `$STORY_HEALTH_DATASETS`). Files are read once and cached; nothing is copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../../scripts/lib/datasets';
import { isJiraLabel, type DatasetLabel } from './label-schema';

export interface JiraRow {
  title: string;
  description: string;
  storypoint: string;
}

export class LabelSources {
  private readonly lines = new Map<string, string[] | null>();
  private readonly rows = new Map<string, Map<string, JiraRow> | null>();

  constructor(readonly datasets: string) {}

  /** The lines of a user-stories file (1-based: `lines[n - 1]`), or null when the file is missing. */
  storyLines(source: string): string[] | null {
    if (!this.lines.has(source)) {
      const file = join(this.datasets, source);
      this.lines.set(source, existsSync(file) ? readFileSync(file, 'utf8').split(/\r\n|\r|\n/) : null);
    }
    return this.lines.get(source) ?? null;
  }

  /** The rows of a jira-issues file by issue key, or null when the file is missing. */
  jiraRows(source: string): Map<string, JiraRow> | null {
    if (!this.rows.has(source)) {
      const file = join(this.datasets, source);
      let byKey: Map<string, JiraRow> | null = null;
      if (existsSync(file)) {
        byKey = new Map();
        for (const r of readCsv(file)) {
          byKey.set(r['issuekey'] ?? '', { title: r['title'] ?? '', description: r['description'] ?? '', storypoint: r['storypoint'] ?? '' });
        }
      }
      this.rows.set(source, byKey);
    }
    return this.rows.get(source) ?? null;
  }

  /** The text one label is about, or a sentence saying why it cannot be found. */
  textOf(label: DatasetLabel): { text: string } | { missing: string } {
    if (isJiraLabel(label)) {
      const rows = this.jiraRows(label.source);
      if (!rows) return { missing: `no file ${label.source}` };
      const row = rows.get(label.key);
      return row ? { text: `${row.title}\n${row.description}` } : { missing: `${label.key} is not in ${label.source}` };
    }
    return this.lineText(label.source, label.line);
  }

  /** One non-blank line of a user-stories file, or why not. */
  lineText(source: string, line: number): { text: string } | { missing: string } {
    const lines = this.storyLines(source);
    if (!lines) return { missing: `no file ${source}` };
    const text = lines[line - 1];
    if (text === undefined) return { missing: `${source} has no line ${line}` };
    if (!text.trim()) return { missing: `${source}:${line} is blank` };
    return { text };
  }
}

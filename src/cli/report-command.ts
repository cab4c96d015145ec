/**
 * `story-health report <files…> | --site URL --project KEY [--email E --token T]
 *   [--format html|markdown|json] [--output file] [--config file] [--history report.json]… [--title text]`
 *
 * A backlog report (health score and trend, pass rate per criterion, score histogram, counts,
 * duplicates, dependencies, personas, uniformity, fix-first) from the same code path as the Forge
 * scan: the project context of the input set, `analyzeForScan` per story with it, then `aggregate`,
 * so every story scores as in `analyze`, the panel and the stored property. Stories come from files (the `analyze`
 * readers) or, read-only, from a Jira Cloud site (search/jql, no writes). Output goes to stdout
 * unless `--output` is given, for every format including HTML.
 *
 * Exit codes: 0 ok; 2 usage error, invalid config, Jira refused, no stories found (no report is
 * written), a file/row that could not be read, or a story the engine could not analyze (after printing
 * the report of everything that could be, which says so).
 */
import { readFile as fsReadFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { aggregate } from '../core/aggregate';
import { ENGINE_VERSION } from '../core/analyze';
import { DEFAULT_SETTINGS, type Settings } from '../core/config';
import { analyzeForScan } from '../core/scan-record';
import { projectContextOf } from '../core/analyze-in-project';
import type { StoryInput } from '../core/story';
import { checkProjectKey } from '../jira/keys';
import { checkBaseUrl } from '../jira/transports';
import { createJiraClient, discoverFields, fetchTransport, isJiraError, issueToStory, projectStoryFields, searchPages, STORY_FIELDS, storiesJql, storyFieldsPicker } from '../jira';
import type { FetchTransportOptions, JiraClient, RetryOptions, Transport } from '../jira';
import { buildReport, renderHtml, renderJson, renderMarkdown, reportStory, type ReportModel, type ReportStory, type TrendPoint } from '../render';
import { decode } from './readers';
import { describeFiles, describeSkipped, noStoriesMessage, readInput, type SkippedIssue } from './input';
import type { ReadError } from './readers/types';
import { cliVersion, DEFAULT_MAX_INPUT_MB, EXIT_ERROR, EXIT_OK, formatReadError, loadConfig, parseMaxInputSize, type CliIO } from './io';
import { reportEngineFailures, reportReadProblems, writeReport } from './output';
import { uniqueKeys } from '../core/unique-keys';

export const REPORT_FORMATS = ['html', 'markdown', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportCommandOptions {
  format: ReportFormat;
  output?: string;
  config?: string;
  site?: string;
  email?: string;
  token?: string;
  project?: string;
  /** Earlier `--format json` reports: their scores draw the trend. */
  history?: string[];
  title?: string;
  /** MB of input files read in all (default DEFAULT_MAX_INPUT_MB). */
  maxInputSize?: number;
}

/** What tests (and other hosts) can inject beyond `CliIO`. */
export interface ReportIO extends CliIO {
  /** Makes the transport for `--site` (default `fetchTransport`: Basic auth with email and API token). */
  jiraTransport?: (options: FetchTransportOptions) => Transport;
  jiraRetry?: RetryOptions;
  /** The report's time stamp (default: now). */
  now?: () => Date;
}

/** Issues per search page (Jira's maximum when fields are requested). */
const PAGE_SIZE = 100;

/** The scan's JQL: the project's stories that are not done. */
export function reportJql(projectKey: string, settings: Settings): string {
  return storiesJql(projectKey, settings.issueTypes);
}

/**
 * Reads every story the JQL finds, page by page. Read-only: search, the field list and, on a site
 * with several story points fields, the project's create metadata (which one it uses); nothing else.
 */
export async function readProjectStories(client: JiraClient, projectKey: string, settings: Settings): Promise<StoryInput[]> {
  const fields = await discoverFields(client);
  const fieldsOf = storyFieldsPicker((scope) => projectStoryFields(client, fields, scope), fields);
  const stories: StoryInput[] = [];
  for await (const page of searchPages(client, { jql: reportJql(projectKey, settings), fields: STORY_FIELDS(fields), maxResults: PAGE_SIZE })) {
    for (const issue of page.issues) stories.push({ ...issueToStory(issue, await fieldsOf(issue)), key: issue.key });
  }
  return stories;
}

const historySchema = z.looseObject({
  history: z.array(z.looseObject({ createdAt: z.string(), score: z.number() })).optional(),
  snapshot: z.looseObject({ createdAt: z.string(), score: z.number() }),
});

/** Trend points from an earlier JSON report: its history and its own snapshot. */
export function historyFromJson(text: string): TrendPoint[] | string {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return `invalid JSON: ${err instanceof Error ? err.message : String(err)}`;
  }
  const parsed = historySchema.safeParse(data);
  if (!parsed.success) return 'not a story-health report --format json (no snapshot with createdAt and score)';
  const points = (parsed.data.history ?? []).map((p) => ({ createdAt: p.createdAt, score: p.score }));
  points.push({ createdAt: parsed.data.snapshot.createdAt, score: parsed.data.snapshot.score });
  return points;
}

function jiraHint(err: unknown, site: string): string {
  if (!isJiraError(err)) return '';
  if (err.code === 'network' || err.code === 'timeout') return ` Check the site URL (${site}) and the network connection.`;
  if (err.code === 'not-found' || (err.code === 'server' && err.status === 0)) return ` Check that ${site} is a Jira Cloud site (https://your-site.atlassian.net).`;
  return '';
}

export async function runReport(files: string[], options: ReportCommandOptions, io: ReportIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const readFile = io.readFile ?? fsReadFile;
  const env = io.env ?? process.env;
  const usage = (message: string) => {
    io.stderr(`story-health report: ${message}\n(run story-health report --help for usage)\n`);
    return EXIT_ERROR;
  };

  const live = options.site !== undefined;
  if (live && files.length) return usage('give input files or --site, not both.');
  if (!live && !files.length) return usage('give input files, or --site and --project to read a Jira Cloud site.');
  if (!live && (options.project !== undefined || options.email !== undefined || options.token !== undefined)) {
    return usage('--project, --email and --token go with --site.');
  }
  const email = options.email ?? env.JIRA_EMAIL;
  const token = options.token ?? env.JIRA_API_TOKEN;
  if (live) {
    const missing = [options.project === undefined ? '--project' : null, email ? null : '--email (or JIRA_EMAIL)', token ? null : '--token (or JIRA_API_TOKEN)'].filter(Boolean);
    if (missing.length) return usage(`--site also needs ${missing.join(', ')}.`);
  }

  let settings: Settings = DEFAULT_SETTINGS;
  if (options.config !== undefined) {
    const loaded = await loadConfig(options.config, { readFile, stderr: io.stderr, cwd });
    if (!loaded) return EXIT_ERROR;
    settings = loaded;
  }

  const errors: ReadError[] = [];
  const readError = (e: ReadError) => {
    errors.push(e);
    io.stderr(`${formatReadError(e)}\n`);
  };

  const history: TrendPoint[] = [];
  for (const file of options.history ?? []) {
    let content: Buffer | Uint8Array | string;
    try {
      content = await readFile(path.resolve(cwd, file));
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      readError({ file, message: `cannot read history report${code === 'ENOENT' ? ': no such file' : `: ${err instanceof Error ? err.message : String(err)}`}` });
      continue;
    }
    const decoded = decode(content);
    const points = decoded.ok ? historyFromJson(decoded.text) : decoded.message;
    if (typeof points === 'string') readError({ file, message: `history report: ${points}` });
    else history.push(...points);
  }

  const stories: StoryInput[] = [];
  let skipped: SkippedIssue[] = [];
  let source: string;
  let browseUrl: string | undefined;
  if (live) {
    const projectKey = options.project!;
    let site: string;
    try {
      site = checkBaseUrl(options.site!);
      checkProjectKey(projectKey);
    } catch (err) {
      io.stderr(`story-health: ${err instanceof Error ? err.message : String(err)}\n`);
      return EXIT_ERROR;
    }
    try {
      const transport = (io.jiraTransport ?? fetchTransport)({ baseUrl: site, email: email!, apiToken: token! });
      const client = createJiraClient(transport, io.jiraRetry ? { retry: io.jiraRetry } : {});
      stories.push(...(await readProjectStories(client, projectKey, settings)));
    } catch (err) {
      io.stderr(`story-health: ${err instanceof Error ? err.message : String(err)}${jiraHint(err, site)}\n`);
      return EXIT_ERROR;
    }
    io.stderr(`story-health: read ${stories.length === 1 ? '1 story' : `${stories.length} stories`} from ${site} (project ${projectKey})\n`);
    source = `${site} · project ${projectKey}`;
    browseUrl = site;
    if (!stories.length) {
      io.stderr(`story-health: no stories found in project ${projectKey}: no open issues of type ${settings.issueTypes.join(', ')} (settings issueTypes); no report written\n`);
      return EXIT_ERROR;
    }
  } else {
    const input = await readInput(files, settings, readFile, cwd, readError, { maxInputSizeMb: options.maxInputSize ?? DEFAULT_MAX_INPUT_MB, fileSize: io.fileSize ?? (async (p: string) => (await stat(p)).size) });
    stories.push(...input.stories);
    skipped = input.skipped;
    source = describeFiles(files);
    if (!stories.length) {
      io.stderr(`story-health: ${noStoriesMessage(source, { errors, skipped }, settings)}; no report written\n`);
      return EXIT_ERROR;
    }
  }

  const before = stories.map((s) => s.key);
  // Every story a unique key, as `analyze` gives them.
  uniqueKeys(stories.map((s, i) => (typeof s.key === 'string' && s.key ? s.key : String(i + 1)))).forEach((key, i) => (stories[i]!.key = key));
  const renamed = stories.filter((s, i) => s.key !== before[i] && before[i] !== undefined);
  for (const s of renamed.slice(0, 10)) io.stderr(`story-health: warning: story key "${s.key!.replace(/#\d+$/, '')}" is used more than once; reported as "${s.key}"\n`);
  if (renamed.length > 10) io.stderr(`story-health: warning: ${renamed.length - 10} more duplicate keys\n`);

  let model: ReportModel;
  const failedKeys: string[] = [];
  try {
    const rows: ReportStory[] = [];
    const context = projectContextOf(stories, settings);
    const records = stories.map((story) => {
      // Never throws for a story: one the engine cannot analyze is a failed record, not a row.
      const scanned = analyzeForScan(story, settings, context);
      if (scanned.record.failed !== undefined) failedKeys.push(scanned.record.key);
      else rows.push(reportStory(scanned));
      return scanned.record;
    });
    const createdAt = (io.now ?? (() => new Date()))().toISOString();
    const snapshot = aggregate(records, { createdAt, engineVersion: ENGINE_VERSION });
    const notes: string[] = [];
    if (snapshot.failedCount) notes.push(failedNote(snapshot.failed, snapshot.failedCount));
    if (stories.length && stories.every((s) => s.source === 'line')) {
      notes.push('These stories are bare sentences (one per line): estimates and acceptance criteria are not checked, so those counts are 0.');
    }
    if (errors.length) notes.push(`${errors.length === 1 ? '1 problem' : `${errors.length} problems`} reading the input: this report covers what could be read.`);
    if (skipped.length) notes.push(describeSkipped(skipped, settings.issueTypes));
    model = buildReport(snapshot, rows, { title: options.title ?? 'Story Health report', source, history, toolVersion: cliVersion(), notes, skipped, ...(browseUrl ? { browseUrl } : {}) });
  } catch (err) {
    io.stderr(`story-health: internal error in the engine: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_ERROR;
  }

  const text = options.format === 'html' ? renderHtml(model) : options.format === 'markdown' ? renderMarkdown(model) : renderJson(model);
  if (!(await writeReport(text, options.output, cwd, io))) return EXIT_ERROR;
  const unread = reportReadProblems(errors.length, io);
  const unanalyzed = reportEngineFailures(failedKeys, io);
  return unread || unanalyzed ? EXIT_ERROR : EXIT_OK;
}

/** The report's note on stories the engine could not analyze: how many, which, and why. */
function failedNote(failed: readonly { key: string; error: string }[], count: number): string {
  const shown = failed.slice(0, 5).map((f) => `${f.key} (${f.error})`).join('; ');
  const more = count > 5 ? `; and ${count - 5} more` : '';
  return `${count === 1 ? '1 story' : `${count} stories`} could not be analyzed (engine error): ${shown}${more}. ${count === 1 ? 'It is' : 'They are'} left out of every score and count in this report.`;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Adds `report` to the program; `done` receives the exit code. */
export function addReportCommand(program: Command, io: ReportIO, done: (code: number) => void): Command {
  return program
    .command('report')
    .description('a backlog report (health score, pass rates, histogram, duplicates, dependencies, personas, fix-first) from files or a Jira Cloud site')
    .argument('[files...]', 'input files (.txt, .csv, .json, .jsonl), as for analyze')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('html'))
    .option('-o, --output <file>', 'write the report to a file (default: stdout, for every format)')
    .option('-c, --config <file>', 'settings JSON file (preset, rules, issue types…)')
    .option('--site <url>', 'read the stories from this Jira Cloud site, read-only (https://your-site.atlassian.net)')
    .option('--project <key>', 'with --site: the project whose open stories to report')
    .option('--email <email>', 'with --site: your Atlassian account email (default: $JIRA_EMAIL)')
    .option('--token <token>', 'with --site: an Atlassian API token (default: $JIRA_API_TOKEN)')
    .option('--history <file>', 'an earlier --format json report, for the trend (repeatable)', collect)
    .option('--title <text>', 'the report title')
    .option('--max-input-size <MB>', `the most input read from files, all together (default ${DEFAULT_MAX_INPUT_MB})`, parseMaxInputSize)
    .showHelpAfterError('(run story-health report --help for usage)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  story-health report backlog.csv > report.html\n' +
        '  story-health report stories.txt --format markdown --output report.md\n' +
        '  story-health report export.csv --format json -o today.json --history last-week.json\n' +
        '  JIRA_API_TOKEN=… story-health report --site https://acme.atlassian.net --email me@acme.com --project SHOP -o shop.html\n\n' +
        'From a site, the stories are those of the scan: the project, the issue types of the settings\n' +
        '(default Story), not Done. Nothing is written to Jira.\n' +
        'Exit codes: 0 ok; 2 usage error, invalid config, Jira refused, unreadable input, or a story\n' +
        'the engine could not analyze (the report of everything else is still written).',
    )
    .action(async (files: string[], options: ReportCommandOptions) => {
      done(await runReport(files, options, io));
    });
}

/**
 * `story-health analyze <files…> [--format text|json|sarif|markdown] [--config file] [--fail-under N] [--output file]`
 *
 * `main` never calls `process.exit`: it returns the exit code, and all I/O goes through `io`, so tests
 * run it in-process. Exit codes: 0 OK; 1 backlog score below `--fail-under`; 2 usage error, invalid
 * config, no stories found (nothing is printed but the reason), a file/row that could not be read, or a
 * story the engine could not analyze (after printing everything that could be, never with a healthy summary).
 */
import { readFile as fsReadFile, stat } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { analyze } from '../core/analyze';
import type { AnalysisReport, StoryInput } from '../core/story';
import { FORMATS, FORMATTERS, type FormatName } from './format';
import { cliVersion, DEFAULT_MAX_INPUT_MB, EXIT_BELOW_THRESHOLD, EXIT_ERROR, EXIT_OK, formatReadError, loadConfig, parseMaxInputSize, type CliIO } from './io';
import { DEFAULT_SETTINGS, type Settings } from '../core/config';
import type { SourceLocation } from './readers/types';
import { describeFiles, noStoriesMessage, readInput } from './input';
import { unknownCommand } from './command-names';
import { addReportCommand } from './report-command';
import { reportEngineFailures, reportReadProblems, writeReport } from './output';
import { addPreviewCommand } from './preview';

export interface AnalyzeOptions {
  format: FormatName;
  config?: string;
  failUnder?: number;
  output?: string;
  color?: boolean;
  /** MB of input read in all (default DEFAULT_MAX_INPUT_MB). */
  maxInputSize?: number;
}

function where(loc: SourceLocation): string {
  return `${loc.file}${loc.line !== undefined ? `:${loc.line}` : ''}`;
}

function parseFailUnder(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InvalidArgumentError('expected a number from 0 to 100.');
  }
  return n;
}

export async function runAnalyze(files: string[], options: AnalyzeOptions, io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const readFile = io.readFile ?? fsReadFile;
  const fileSize = io.fileSize ?? (async (p: string) => (await stat(p)).size);
  const env = io.env ?? process.env;

  let settings: Settings = DEFAULT_SETTINGS;
  if (options.config !== undefined) {
    const loaded = await loadConfig(options.config, { readFile, stderr: io.stderr, cwd });
    if (!loaded) return EXIT_ERROR;
    settings = loaded;
  }

  const input = await readInput(files, settings, readFile, cwd, (e) => io.stderr(`${formatReadError(e)}\n`), { maxInputSizeMb: options.maxInputSize ?? DEFAULT_MAX_INPUT_MB, fileSize });
  const { stories, errors, skipped } = input;
  if (!stories.length) {
    // Nothing to score: no report (an empty one would read as healthy), whatever the format.
    io.stderr(`story-health: ${noStoriesMessage(describeFiles(files), input, settings)}\n`);
    return EXIT_ERROR;
  }
  const locations = new Map<string, SourceLocation>();
  const duplicates: string[] = [];
  stories.forEach((story: StoryInput, i) => {
    const loc = input.locations[i] ?? { file: '' };
    if (story.key === undefined) return;
    const first = locations.get(story.key);
    if (!first) locations.set(story.key, loc);
    else duplicates.push(`story key "${story.key}" is used twice: ${where(first)} and ${where(loc)}`);
  });

  // Not an error (overlapping exports happen), but findings and SARIF locations go by key.
  for (const message of duplicates.slice(0, 10)) io.stderr(`story-health: warning: ${message}\n`);
  if (duplicates.length > 10) io.stderr(`story-health: warning: ${duplicates.length - 10} more duplicate keys\n`);

  let report: AnalysisReport;
  try {
    report = analyze(stories, settings);
  } catch (err) {
    io.stderr(`story-health: internal error in the engine: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_ERROR;
  }

  const toFile = options.output !== undefined;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const color = options.color ?? (!toFile && io.isTTY === true && !noColor);
  const width = !toFile && io.isTTY === true && io.columns ? io.columns : undefined;
  const formatted = FORMATTERS[options.format](report, {
    color: toFile ? false : color,
    locations,
    errors,
    skipped,
    checkedTypes: settings.issueTypes,
    cwd,
    ...(width ? { width } : {}),
  });
  const text = formatted.endsWith('\n') ? formatted : `${formatted}\n`;
  if (!(await writeReport(text, options.output, cwd, io))) return EXIT_ERROR;
  const unread = reportReadProblems(errors.length, io);
  const unanalyzed = reportEngineFailures(report.backlog.failed, io);
  if (unread || unanalyzed) return EXIT_ERROR;
  if (options.failUnder !== undefined && report.backlog.score < options.failUnder) {
    io.stderr(`story-health: backlog score ${report.backlog.score} is below --fail-under ${options.failUnder}\n`);
    return EXIT_BELOW_THRESHOLD;
  }
  return EXIT_OK;
}

function buildProgram(io: CliIO, onAnalyze: (files: string[], options: AnalyzeOptions) => Promise<void>): Command {
  const program = new Command('story-health')
    .description('Checks Jira user stories against INVEST and the user-story template, flags technical stories and suggests rewrites and splits.')
    .version(cliVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run story-health analyze --help for usage)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  story-health analyze backlog.csv\n' +
        '  story-health stories.txt --format markdown --output report.md\n' +
        '  story-health analyze export.json --format sarif --fail-under 70\n\n' +
        'Run "story-health analyze --help" for all options.',
    );

  program
    .command('analyze', { isDefault: true })
    .description('analyze stories in .txt (one per line), .csv (Jira export), .json (issues or a Jira search response) and .jsonl files')
    .argument('<files...>', 'input files')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-c, --config <file>', 'settings JSON file (preset, rules, thresholds…)')
    .option('--fail-under <score>', 'exit 1 when the backlog score is below this (0-100)', parseFailUnder)
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--max-input-size <MB>', `the most input read, all files together (default ${DEFAULT_MAX_INPUT_MB})`, parseMaxInputSize)
    .option('--color', 'force colors in text output')
    .option('--no-color', 'no colors in text output')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok; 1 backlog score below --fail-under; 2 usage error, invalid config, unreadable input,\n' +
        'or a story the engine could not analyze (every other story is still reported).\n' +
        'Colors are on when stdout is a terminal and NO_COLOR is not set.',
    )
    .action(async (files: string[], options: AnalyzeOptions) => {
      await onAnalyze(files, options);
    });
  return program;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  // `analyze` is the default command, so a misspelt command would be read as a file name.
  const misspelt = unknownCommand(argv[0]);
  if (misspelt) {
    io.stderr(`story-health: ${misspelt}\n(run story-health --help for usage)\n`);
    return EXIT_ERROR;
  }
  let code = EXIT_OK;
  const program = buildProgram(io, async (files, options) => {
    code = await runAnalyze(files, options, io);
  });
  addReportCommand(program, io, (result) => {
    code = result;
  });
  addPreviewCommand(program, io, (result) => {
    code = result;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; everything else commander rejects is a usage error.
      return err.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    io.stderr(`story-health: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_ERROR;
  }
  return code;
}

/**
 * SARIF 2.1.0 for code-scanning dashboards. One result per finding; the physical location is the input
 * file and the line where the story starts. Finding ranges are offsets in a field's *plain text*, which
 * is not file text in general (CSV quoting, wiki markup, ADF), so only where the summary is verbatim
 * file text (a .txt line) does the range become a file region (columns and charOffset/charLength).
 * Elsewhere the field and range travel in `properties`.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ActiveSeverity, AnalysisReport, Finding } from '../../core/story';
import type { SourceLocation } from '../readers/types';
import { ruleDescription, type FormatOptions } from './common';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<ActiveSeverity, SarifLevel> = { error: 'error', warn: 'warning', info: 'note' };

interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endColumn?: number;
  charOffset?: number;
  charLength?: number;
}

interface SarifPhysicalLocation {
  artifactLocation: { uri: string };
  region?: SarifRegion;
}

interface SarifLocation {
  physicalLocation?: SarifPhysicalLocation;
  logicalLocations?: { name: string }[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  properties: { criterion: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  properties: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[]; properties: Record<string, unknown> } };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: { level: SarifLevel; message: { text: string }; locations?: SarifLocation[] }[];
    }[];
  }[];
}

/** A relative, percent-encoded URI for files under `cwd`; a `file://` URL otherwise. */
export function artifactUri(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return relative.split(path.sep).map(encodeURIComponent).join('/');
  }
  return pathToFileURL(absolute).href;
}

function physicalLocation(loc: SourceLocation, finding: Finding | null, summary: string, cwd: string): SarifPhysicalLocation {
  const physical: SarifPhysicalLocation = { artifactLocation: { uri: artifactUri(loc.file, cwd) } };
  if (loc.line === undefined) return physical;
  const region: SarifRegion = { startLine: loc.line };
  const range = finding?.range;
  if (
    finding?.field === 'summary' &&
    range &&
    loc.summaryOffset !== undefined &&
    loc.summaryColumn !== undefined &&
    range[0] >= 0 &&
    range[1] >= range[0] &&
    range[1] <= summary.length
  ) {
    region.startColumn = loc.summaryColumn + range[0] + 1;
    region.endColumn = loc.summaryColumn + range[1] + 1;
    region.charOffset = loc.summaryOffset + range[0];
    region.charLength = range[1] - range[0];
  }
  physical.region = region;
  return physical;
}

export function toSarif(report: AnalysisReport, opts: FormatOptions = {}): SarifLog {
  const cwd = opts.cwd ?? process.cwd();
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: SarifResult[] = [];

  for (const story of report.stories) {
    const loc = opts.locations?.get(story.key);
    const backlog = new Set(story.backlogFindings);
    for (const f of [...story.findings, ...story.backlogFindings]) {
      let index = ruleIndex.get(f.ruleId);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(f.ruleId, index);
        rules.push({
          id: f.ruleId,
          name: f.ruleId,
          shortDescription: { text: ruleDescription(f.ruleId, f.criterion) },
          properties: { criterion: f.criterion },
        });
      }
      const logicalLocations = [{ name: story.key }];
      const location: SarifLocation = loc
        ? { physicalLocation: physicalLocation(loc, f, story.summary, cwd), logicalLocations }
        : { logicalLocations };
      const properties: Record<string, unknown> = {
        criterion: f.criterion,
        messageId: f.messageId,
        storyKey: story.key,
        // A story the engine could not analyze has no score.
        storyScore: story.failed ? null : story.score,
      };
      if (f.field) properties.field = f.field;
      if (f.range) properties.range = f.range;
      // A backlog finding (duplicate, non-uniform) is reported beside the story and does not lower its score.
      if (backlog.has(f)) properties.scored = false;
      results.push({
        ruleId: f.ruleId,
        ruleIndex: index,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [location],
        properties,
      });
    }
  }

  const errors = opts.errors ?? [];
  const skipped = opts.skipped ?? [];
  const checked = (opts.checkedTypes ?? []).join(', ');
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules,
            properties: { engineVersion: report.tool.engineVersion },
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: errors.length === 0,
            toolExecutionNotifications: [
              ...errors.map((e) => ({
                level: 'error' as const,
                message: { text: e.message },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: artifactUri(e.file, cwd) },
                      ...(e.line !== undefined ? { region: { startLine: e.line } } : {}),
                    },
                  },
                ],
              })),
              // Issues of a type the settings do not check: one note each, where it came from.
              ...skipped.map((s) => ({
                level: 'note' as const,
                message: { text: `${s.key} skipped: issue type "${s.issueType}" is not checked (checked: ${checked}).` },
                locations: [
                  {
                    physicalLocation: { artifactLocation: { uri: artifactUri(s.file, cwd) }, ...(s.line !== undefined ? { region: { startLine: s.line } } : {}) },
                    logicalLocations: [{ name: s.key }],
                  },
                ],
              })),
            ],
          },
        ],
      },
    ],
  };
}

export function formatSarif(report: AnalysisReport, opts: FormatOptions = {}): string {
  return JSON.stringify(toSarif(report, opts), null, 2);
}

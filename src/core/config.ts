/**
 * Project settings: one zod schema used by the engine, the CLI (--config) and the Forge settings page.
 * Severity belongs to configuration (ESLint-style); presets give the defaults.
 */
import { z } from 'zod';
import { SEVERITIES, type Severity } from './story';
import { ENGINE_ERROR_ID, RULE_IDS } from './rules/ids';
import { settingsErrorMap } from './settings-messages';

export const severitySchema = z.enum(SEVERITIES);

const termList = z.array(z.string().trim().min(1).max(80)).max(500);

export const settingsSchema = z
  .object({
    preset: z.enum(['recommended', 'strict']).default('recommended'),
    /** Per-rule severity overrides: `{ "vague-term": "off", "oversized": "error" }`. */
    rules: z
      .record(z.string(), severitySchema)
      .superRefine((rules, ctx) => {
        for (const id of Object.keys(rules)) {
          if (id === ENGINE_ERROR_ID) {
            // Worded by settingsErrorMap: not a rule, cannot be configured.
            ctx.addIssue({ code: 'custom', path: [id], input: id });
          } else if (!RULE_IDS.includes(id)) {
            // Worded by settingsErrorMap, with every other settings error.
            ctx.addIssue({ code: 'custom', path: [id], input: id });
          }
        }
      })
      .default({}),
    /** Stories estimated above this many points are oversized. */
    oversizeThreshold: z.number().int().min(1).max(100).default(8),
    /** Acceptance criteria items above this count signal an epic. */
    maxAcceptanceCriteria: z.number().int().min(1).max(100).default(8),
    /** Issue types the checks run on (case-insensitive). */
    issueTypes: z.array(z.string().trim().min(1).max(60)).min(1).max(50).default(['Story']),
    /**
     * Who uses the product: `auto` reads it from the backlog; `builders` for an SDK, a CLI, a data
     * or admin tool (developers, data people and operators are its users, their technologies its
     * domain); `end-users` when developers are the team.
     */
    productUsers: z.enum(['auto', 'end-users', 'builders']).default('auto'),
    /** Personas the product serves; a developer listed here is a real user, not a builder. */
    personas: termList.default([]),
    /** Extra roles that build the product rather than use it. */
    builderRoles: termList.default([]),
    /** Extra ambiguous words for `vague-term`. */
    vagueTerms: termList.default([]),
    /**
     * AI assist in the issue panel: Atlassian's hosted model (Forge LLMs) may reword the engine's
     * suggestions, propose a split from a long description or draft acceptance criteria. Off by
     * default; the engine checks every model answer and drops what fails. Never changes a score.
     */
    aiAssist: z.boolean().default(false),
    /** Optional label added below a score threshold (checks on save). */
    label: z
      .object({
        enabled: z.boolean().default(false),
        name: z
          .string()
          .trim()
          .min(1)
          .max(255)
          .regex(/^\S+$/)
          .default('needs-refinement'),
        threshold: z.number().int().min(0).max(100).default(60),
      })
      .strict()
      .default({ enabled: false, name: 'needs-refinement', threshold: 60 }),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: { path: string; message: string }[] };

/**
 * Validates unknown input (a config file, a stored settings object, a resolver payload). Never
 * throws. Each error's message is a sentence naming the field by its label (settings-messages.ts).
 */
export function parseSettings(input: unknown): SettingsResult {
  const result = settingsSchema.safeParse(input ?? {}, { error: settingsErrorMap });
  if (result.success) return { ok: true, settings: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.length ? issue.path.join('.') : '(root)',
      message: issue.message,
    })),
  };
}

/** Effective severity of a rule: explicit setting, else the preset's. */
export function severityFor(
  ruleId: string,
  settings: Settings,
  preset: { recommended: Severity; strict: Severity },
): Severity {
  return settings.rules[ruleId] ?? preset[settings.preset];
}

/**
 * The workflow quality gate's configuration, as its configuration page saves it
 * (`workflowRules.onConfigure`) and its Jira expression reads it (`config`). No zod: the page bundles it.
 */
export const DEFAULT_MIN_SCORE = 60;

export interface GateConfig {
  /** Whole number 0–100: a story scoring less is refused. */
  minScore: number;
  /** Refuse technical work written as a story. */
  noTechnical: boolean;
}

export const DEFAULT_GATE_CONFIG: GateConfig = { minScore: DEFAULT_MIN_SCORE, noTechnical: false };

/** A saved configuration read back (Jira hands it to the page as `extension.validatorConfig`): the defaults for anything missing or invalid. */
export function readGateConfig(value: unknown): GateConfig {
  const raw = typeof value === 'string' ? safeJson(value) : value;
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const min = typeof obj.minScore === 'number' && Number.isInteger(obj.minScore) && obj.minScore >= 0 && obj.minScore <= 100 ? obj.minScore : DEFAULT_MIN_SCORE;
  return { minScore: min, noTechnical: obj.noTechnical === true };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The workflow condition's configuration (`jira:workflowCondition` story-health-condition, the same
 * page): the gate's two settings, and whether a story Story Health has not scored yet is hidden too.
 */
export interface ConditionConfig extends GateConfig {
  /** Hide the transition for an issue of a checked type that has no stored score yet. */
  hideUnscored: boolean;
}

export const DEFAULT_CONDITION_CONFIG: ConditionConfig = { ...DEFAULT_GATE_CONFIG, hideUnscored: false };

/** A saved condition configuration read back (`extension.conditionConfig`): the defaults for anything missing or invalid. */
export function readConditionConfig(value: unknown): ConditionConfig {
  const raw = typeof value === 'string' ? safeJson(value) : value;
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return { ...readGateConfig(obj), hideUnscored: obj.hideUnscored === true };
}

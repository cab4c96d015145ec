/**
 * Where the preview's Jira comes from: the local emulator with the sample project (`npm start`),
 * or a real Jira Cloud site (`story-health preview --site …`). The server only sees this interface.
 */
import type { JiraClient } from '../../jira/types';
import type { ConditionConfig, GateConfig } from '../../contract/gate';

/**
 * The emulated workflow's Story Health rules on "Start progress": the quality gate (the app's
 * jira:workflowValidator, always there) and the opt-in condition (jira:workflowCondition, added
 * and removed in the Workflow tab).
 */
export interface PreviewWorkflow {
  /** The transition the rules are on. */
  transition: { id: string; name: string };
  /** The gate's saved configuration (null: none saved, the expression's defaults apply). */
  gateConfig(): GateConfig | null;
  setGateConfig(config: GateConfig): void;
  /** The condition's configuration, or null when the condition is not on the transition. */
  conditionConfig(): ConditionConfig | null;
  /** Adds or updates the condition with this configuration; null removes it. */
  setConditionConfig(config: ConditionConfig | null): void;
}

export interface PreviewUser {
  accountId: string;
  displayName: string;
  /** What this user may do, in a few words ("admin of FOOD, ZONE; sees restricted issues"). */
  summary: string;
}

export interface PreviewProject {
  key: string;
  id: string;
  name: string;
}

export interface PreviewBackend {
  mode: 'emulator' | 'site';
  /** Shown in the page header: "sample project (emulated Jira)" or the site URL. */
  description: string;
  users: PreviewUser[];
  projects: PreviewProject[];
  /** Jira as this user (permissions apply). */
  asUser(accountId: string): JiraClient;
  /** Jira as the app. */
  asApp(): JiraClient;
  /** Why resolvers that write to Jira are refused, or null when writes are allowed. */
  readOnlyReason: string | null;
  /** The workflow editor's part the preview emulates (emulator only). */
  workflow?: PreviewWorkflow;
  /** Puts the sample data back as shipped (emulator only). */
  reset?(): Promise<void>;
  close(): Promise<void>;
}

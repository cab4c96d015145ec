/** The Forge context each app frame gets from `view.getContext()`, in Jira's shape. */
import type { JiraClient } from '../../jira/types';
import type { PreviewProject } from './backend';

export const APPS = ['panel', 'report', 'settings', 'gate'] as const;
export type AppName = (typeof APPS)[number];

/** Module keys and extension types as manifest.yml declares them. */
export const MODULES: Record<AppName, { moduleKey: string; type: string }> = {
  panel: { moduleKey: 'story-health-panel', type: 'jira:issueContext' },
  report: { moduleKey: 'story-health-report', type: 'jira:projectPage' },
  settings: { moduleKey: 'story-health-settings', type: 'jira:projectSettingsPage' },
  gate: { moduleKey: 'story-health-gate', type: 'jira:workflowValidator' },
};

export const PREVIEW_CLOUD_ID = '00000000-0000-4000-8000-00000000c10d';
export const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;
export const PROJECT_KEY = /^[A-Z][A-Z0-9_]+$/;

/** The gate's page also configures the opt-in workflow condition (the same resource in manifest.yml). */
export const CONDITION_MODULE = { moduleKey: 'story-health-condition', type: 'jira:workflowCondition' };

export interface FrameRequest {
  app: AppName;
  /** Another module showing the same app (the condition's page is the gate's). */
  module?: { moduleKey: string; type: string };
  accountId: string;
  colorMode: 'light' | 'dark';
  issueKey?: string;
  projectKey?: string;
}

export interface ForgeContext {
  accountId: string;
  cloudId: string;
  localId: string;
  moduleKey: string;
  siteUrl: string;
  locale: string;
  timezone: string;
  environmentType: string;
  environmentId: string;
  theme: { colorMode: string; light: string; dark: string; spacing: string; typography: string };
  extension: {
    type: string;
    issue?: { key: string; id?: string; type?: string; typeId?: string };
    project?: { key: string; id?: string; type: string };
    isNewToIssue?: boolean;
    /** Workflow validators and conditions: the configuration saved by the page (a JSON string), and which page this is. */
    validatorConfig?: string;
    conditionConfig?: string;
    entryPoint?: 'create' | 'edit' | 'view';
  };
}

function fieldObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Builds the context; for the panel, reads the issue as the user for its id and type (best effort). */
export async function buildContext(req: FrameRequest, siteUrl: string, projects: PreviewProject[], jira: JiraClient, extra: Partial<ForgeContext['extension']> = {}): Promise<ForgeContext> {
  const module = req.module ?? MODULES[req.app];
  const extension: ForgeContext['extension'] = { type: module.type, ...extra };
  let projectKey = req.projectKey ?? req.issueKey?.replace(/-\d+$/, '');
  if (req.app === 'panel' && req.issueKey) {
    const issue: NonNullable<ForgeContext['extension']['issue']> = { key: req.issueKey };
    try {
      const found = await jira.getIssue(req.issueKey, { fields: ['issuetype', 'project'] });
      issue.id = found.id;
      const type = fieldObject(found.fields.issuetype);
      if (typeof type.name === 'string') issue.type = type.name;
      if (typeof type.id === 'string') issue.typeId = type.id;
      const project = fieldObject(found.fields.project);
      if (typeof project.key === 'string') projectKey = project.key;
    } catch {
      // Not visible to this user: the panel's own call reports it.
    }
    extension.issue = issue;
    extension.isNewToIssue = false;
  }
  if (projectKey) {
    const known = projects.find((p) => p.key === projectKey);
    extension.project = { key: projectKey, ...(known ? { id: known.id } : {}), type: 'software' };
  }
  return {
    accountId: req.accountId,
    cloudId: PREVIEW_CLOUD_ID,
    localId: `ari:cloud:ecosystem::extension/00000000-0000-4000-8000-000000000000/preview/static/${module.moduleKey}`,
    moduleKey: module.moduleKey,
    siteUrl,
    locale: 'en-US',
    timezone: 'UTC',
    environmentType: 'DEVELOPMENT',
    environmentId: 'preview',
    theme: { colorMode: req.colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' },
    extension,
  };
}

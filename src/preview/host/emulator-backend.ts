/** The preview's Jira for `npm start`: the local emulator serving the sample project. */
import { createJiraClient, emulatorTransport } from '../../jira';
import { createEmulator, type IssueEvent } from '../emulator';
import type { SampleUser } from '../sample/schema';
import type { PreviewBackend, PreviewWorkflow } from './backend';
import { CONDITION_EXPRESSION, GATE_EXPRESSION } from '../../app/gate';
import type { ConditionConfig, GateConfig } from '../../contract/gate';

/** The manifest's gate as the preview's workflow has it: on "Start progress" (the admin added it in Jira's workflow editor). */
const GATE_TRANSITION = { id: '11', name: 'Start progress' };
const GATE_ERROR_MESSAGE = 'The story does not pass the Story Health quality gate. Open Story Health on the issue to see why.';

export interface EmulatorBackendOptions {
  /** The shipped sample (read only). */
  projectFile: string;
  /** The emulator's working copy: every change goes here, never to the sample. */
  workingCopy: string;
  /** Start again from the sample. */
  fresh?: boolean;
  /** Called after a reset (e.g. to clear the app storage too). */
  onReset?: () => Promise<void>;
}

export function describeUser(user: SampleUser): string {
  const roles = Object.entries(user.projects);
  const admin = roles.filter(([, r]) => r === 'admin').map(([k]) => k);
  const member = roles.filter(([, r]) => r === 'member').map(([k]) => k);
  const viewer = roles.filter(([, r]) => r === 'viewer').map(([k]) => k);
  const parts: string[] = [];
  if (admin.length) parts.push(`admin of ${admin.join(', ')}`);
  if (member.length) parts.push(`member of ${member.join(', ')}`);
  if (viewer.length) parts.push(`browses ${viewer.join(', ')} only`);
  parts.push(user.securityLevels.includes('restricted') ? 'sees restricted issues' : 'no restricted issues');
  return parts.join('; ');
}

export async function emulatorBackend(options: EmulatorBackendOptions): Promise<PreviewBackend & { emulatorUrl: string; onIssueEvent(listener: (event: IssueEvent) => void): () => void }> {
  const emulator = await createEmulator({ projectFile: options.projectFile, workingCopy: options.workingCopy, fresh: options.fresh ?? false });
  const data = emulator.store.current;
  const app = createJiraClient(emulatorTransport(emulator.url, { asApp: true }));
  const clients = new Map<string, ReturnType<typeof createJiraClient>>();
  let gateConfig: GateConfig | null = null;
  const installGate = () =>
    emulator.workflow.setValidators(GATE_TRANSITION.id, [{ key: 'story-health-gate', expression: GATE_EXPRESSION, errorMessage: GATE_ERROR_MESSAGE, config: gateConfig }]);
  installGate();
  let conditionConfig: ConditionConfig | null = null;
  const installCondition = () =>
    emulator.workflow.setConditions(GATE_TRANSITION.id, conditionConfig ? [{ key: 'story-health-condition', expression: CONDITION_EXPRESSION, config: conditionConfig }] : []);
  const workflow: PreviewWorkflow = {
    transition: GATE_TRANSITION,
    gateConfig: () => gateConfig,
    setGateConfig(config) {
      gateConfig = { ...config };
      installGate();
    },
    conditionConfig: () => conditionConfig,
    setConditionConfig(config) {
      conditionConfig = config ? { ...config } : null;
      installCondition();
    },
  };
  return {
    workflow,
    mode: 'emulator',
    description: 'sample project on an emulated Jira',
    emulatorUrl: emulator.url,
    onIssueEvent: (listener) => emulator.onIssueEvent(listener),
    users: data.users.map((u) => ({ accountId: u.accountId, displayName: u.displayName, summary: describeUser(u) })),
    projects: data.projects.map((p) => ({ key: p.key, id: p.id, name: p.name })),
    asUser(accountId) {
      let client = clients.get(accountId);
      if (!client) {
        client = createJiraClient(emulatorTransport(emulator.url, { accountId }));
        clients.set(accountId, client);
      }
      return client;
    },
    asApp: () => app,
    readOnlyReason: null,
    async reset() {
      await emulator.reset();
      await options.onReset?.();
    },
    close: () => emulator.close(),
  };
}

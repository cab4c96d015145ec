/** How the preview's user picker describes an emulator user. */
import { describeUser } from '../../../src/preview/host/emulator-backend';

test('names every role, the browse-only one too', () => {
  const user = { accountId: 'f', displayName: 'Finn', emailAddress: 'f@example.test', projects: { CORP: 'viewer', TEAM: 'member', OPS: 'admin' } as const, securityLevels: [] };
  expect(describeUser({ ...user, projects: { ...user.projects } })).toBe('admin of OPS; member of TEAM; browses CORP only; no restricted issues');
});

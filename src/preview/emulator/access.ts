/**
 * Who is calling and what they may do. As the app (`x-emulator-app: true`) everything is visible;
 * as a user (`x-emulator-user: <accountId>`) a project is visible with a role in it (viewer,
 * member, admin: each holds the permissions of the one before), and a restricted issue only with
 * the `restricted` security level. Invisible issues behave exactly as missing ones.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SampleIssue, SampleProjectFile, SampleUser } from '../sample/schema';
import { PERMISSIONS, ROLE_RANK, type Role } from './catalog';
import { HttpError, issueNotFound } from './http';
import { projectKeyOf } from './load';
import { findIssue } from './lookup';
import type { EmulatorStore } from './store';

export type Caller = { kind: 'app' } | { kind: 'user'; user: SampleUser };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function identify(headers: IncomingHttpHeaders, store: EmulatorStore): Caller {
  const app = header(headers, 'x-emulator-app');
  const accountId = header(headers, 'x-emulator-user');
  if (app !== undefined) {
    if (app.trim().toLowerCase() !== 'true') throw new HttpError(401, ["The header x-emulator-app must be 'true'."]);
    return { kind: 'app' };
  }
  if (accountId === undefined || accountId.trim() === '') {
    throw new HttpError(401, [
      'You are not authenticated. Send x-emulator-user: <accountId> to act as a user of the sample project, or x-emulator-app: true to act as the app.',
    ]);
  }
  const user = store.user(accountId.trim());
  if (!user) {
    const known = store.current.users.map((u) => u.accountId).join(', ');
    throw new HttpError(401, [`Unknown emulator user '${accountId}'. Users of the sample project: ${known}.`]);
  }
  return { kind: 'user', user };
}

export function roleIn(caller: Caller, projectKey: string): Role | undefined {
  if (caller.kind === 'app') return 'admin';
  return caller.user.projects[projectKey.toUpperCase()];
}

export function canBrowseProject(caller: Caller, projectKey: string): boolean {
  return roleIn(caller, projectKey) !== undefined;
}

export function canSee(caller: Caller, issue: SampleIssue): boolean {
  if (!canBrowseProject(caller, projectKeyOf(issue.key))) return false;
  if (caller.kind === 'app' || issue.securityLevel === undefined) return true;
  return caller.user.securityLevels.includes(issue.securityLevel);
}

export function hasPermission(caller: Caller, projectKey: string, permission: string): boolean {
  const role = roleIn(caller, projectKey);
  const needed = PERMISSIONS[permission]?.role;
  if (!role || !needed) return false;
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

/** The issue when it exists and the caller can see it; otherwise Jira's 404. */
export function visibleIssue(data: Readonly<SampleProjectFile>, caller: Caller, keyOrId: string): SampleIssue {
  const issue = findIssue(data, keyOrId);
  if (!issue || !canSee(caller, issue)) throw issueNotFound();
  return issue;
}

/** Like `visibleIssue`, and the caller must hold `permission` in the issue's project (403 otherwise). */
export function issueWithPermission(data: Readonly<SampleProjectFile>, caller: Caller, keyOrId: string, permission: string): SampleIssue {
  const issue = visibleIssue(data, caller, keyOrId);
  if (!hasPermission(caller, projectKeyOf(issue.key), permission)) {
    const name = PERMISSIONS[permission]?.name ?? permission;
    throw new HttpError(403, [`You do not have the '${name}' permission for issue ${issue.key}.`]);
  }
  return issue;
}

/**
 * The fixed parts of the emulated Jira site: issue types, statuses, link types, system fields and
 * project permissions, with the ids and names a Jira Cloud site uses.
 */
import type { SampleIssue, SampleLink } from '../sample/schema';

export type IssueTypeName = SampleIssue['issueType'];
export type StatusName = SampleIssue['status'];
export type LinkTypeName = SampleLink['type'];

export const ISSUE_TYPES: Record<IssueTypeName, { id: string; subtask: boolean; hierarchyLevel: number }> = {
  Epic: { id: '10000', subtask: false, hierarchyLevel: 1 },
  Story: { id: '10001', subtask: false, hierarchyLevel: 0 },
  Task: { id: '10002', subtask: false, hierarchyLevel: 0 },
  Bug: { id: '10003', subtask: false, hierarchyLevel: 0 },
  Subtask: { id: '10004', subtask: true, hierarchyLevel: -1 },
};

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};

export const STATUSES: Record<StatusName, { id: string; category: StatusCategoryKey }> = {
  'To Do': { id: '10000', category: 'new' },
  'In Progress': { id: '3', category: 'indeterminate' },
  'In Review': { id: '10001', category: 'indeterminate' },
  Done: { id: '10002', category: 'done' },
};

export const LINK_TYPES: Record<LinkTypeName, { id: string; inward: string; outward: string }> = {
  Blocks: { id: '10000', inward: 'is blocked by', outward: 'blocks' },
  Cloners: { id: '10001', inward: 'is cloned by', outward: 'clones' },
  Duplicate: { id: '10002', inward: 'is duplicated by', outward: 'duplicates' },
  Relates: { id: '10003', inward: 'relates to', outward: 'relates to' },
};

/** System fields the emulator serves, in Jira's `GET /field` shape. All are navigable. */
export const SYSTEM_FIELDS: { id: string; name: string; schemaType: string; items?: string; orderable: boolean }[] = [
  { id: 'summary', name: 'Summary', schemaType: 'string', orderable: true },
  { id: 'description', name: 'Description', schemaType: 'string', orderable: true },
  { id: 'issuetype', name: 'Work Type', schemaType: 'issuetype', orderable: true },
  { id: 'status', name: 'Status', schemaType: 'status', orderable: false },
  { id: 'labels', name: 'Labels', schemaType: 'array', items: 'string', orderable: true },
  { id: 'parent', name: 'Parent', schemaType: 'issuelink', orderable: true },
  { id: 'issuelinks', name: 'Linked Work items', schemaType: 'array', items: 'issuelinks', orderable: true },
  { id: 'project', name: 'Project', schemaType: 'project', orderable: false },
  { id: 'reporter', name: 'Reporter', schemaType: 'user', orderable: true },
  { id: 'created', name: 'Created', schemaType: 'datetime', orderable: false },
  { id: 'updated', name: 'Updated', schemaType: 'datetime', orderable: false },
  { id: 'security', name: 'Security Level', schemaType: 'securitylevel', orderable: true },
];

export const RESTRICTED_LEVEL = { id: '10100', name: 'Restricted', description: 'Only people with the restricted level see these issues.' };

export type Role = 'admin' | 'member' | 'viewer';

/** Each role holds the permissions of the roles below it. */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

/** Project permissions the emulator knows, and the least role that holds each. */
export const PERMISSIONS: Record<string, { name: string; role: Role }> = {
  BROWSE_PROJECTS: { name: 'Browse Projects', role: 'viewer' },
  CREATE_ISSUES: { name: 'Create Issues', role: 'member' },
  EDIT_ISSUES: { name: 'Edit Issues', role: 'member' },
  LINK_ISSUES: { name: 'Link Issues', role: 'member' },
  ADD_COMMENTS: { name: 'Add Comments', role: 'member' },
  TRANSITION_ISSUES: { name: 'Transition Issues', role: 'member' },
  ASSIGN_ISSUES: { name: 'Assign Issues', role: 'member' },
  SCHEDULE_ISSUES: { name: 'Schedule Issues', role: 'member' },
  DELETE_ISSUES: { name: 'Delete Issues', role: 'admin' },
  ADMINISTER_PROJECTS: { name: 'Administer Projects', role: 'admin' },
};

/** The app's identity when it creates issues "as app". */
export const APP_ACCOUNT = { accountId: 'story-health-app', displayName: 'Story Health' };

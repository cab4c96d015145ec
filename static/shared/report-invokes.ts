/**
 * Typed wrappers for the backlog report's resolvers (`report/*`), over the same never-throwing
 * `call` as the other apps. Issue lists come only from `report/issues`: live, as the viewing user.
 */
import { RESOLVER_KEYS } from '../../src/contract/keys';
import type { IssueFilter, ReportIssue, ReportIssuesPage, ReportView, ScanStatus } from '../../src/contract/report';
import { call } from './invokes';

export type { IssueFilter, ReportIssue, ReportIssuesPage, ReportView, ScanStatus };

/** Issues per page of a live list: what the report renders at a time. */
export const LIST_PAGE_SIZE = 50;

export const startScan = (projectKey: string) => call<ScanStatus>(RESOLVER_KEYS.reportStart, { projectKey });
export const getScanStatus = (projectKey: string) => call<ScanStatus>(RESOLVER_KEYS.reportStatus, { projectKey });
export const cancelScan = (projectKey: string) => call<ScanStatus>(RESOLVER_KEYS.reportCancel, { projectKey });
export const getReport = (projectKey: string) => call<ReportView>(RESOLVER_KEYS.reportSnapshot, { projectKey });

export function getReportIssues(projectKey: string, filter: IssueFilter, nextPageToken?: string | null, maxResults = LIST_PAGE_SIZE) {
  return call<ReportIssuesPage>(RESOLVER_KEYS.reportIssues, { projectKey, filter, maxResults, ...(nextPageToken ? { nextPageToken } : {}) });
}

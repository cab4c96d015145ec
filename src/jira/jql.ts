/** JQL the app builds: one place, so the scan, the panel, the report and the CLI ask the same question. */

/** A JQL string literal (quotes and backslashes removed rather than escaped: keys and type names never need them). */
export function jqlString(value: string): string {
  return `"${value.replace(/["\\]/g, '')}"`;
}

/** The project's stories of the checked issue types that are not done, in key order. */
export function storiesJql(projectKey: string, issueTypes: readonly string[]): string {
  return `project = ${jqlString(projectKey)} AND issuetype in (${issueTypes.map(jqlString).join(', ')}) AND statusCategory != Done ORDER BY key ASC`;
}

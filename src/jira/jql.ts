/** JQL the app builds: one place, so the scan, the panel, the report and the CLI ask the same question. */

/** A JQL string literal (quotes and backslashes removed rather than escaped: keys and type names never need them). */
export function jqlString(value: string): string {
  return `"${value.replace(/["\\]/g, '')}"`;
}

/**
 * The project's stories of the checked issue types that are not done (those of `keys` only, when
 * given; those after `afterKey` only, when given: a scan resuming after a pause), in key order.
 */
export function storiesJql(projectKey: string, issueTypes: readonly string[], keys?: readonly string[], afterKey?: string): string {
  const only = keys ? ` AND key in (${keys.map(jqlString).join(', ')})` : '';
  const after = afterKey ? ` AND key > ${jqlString(afterKey)}` : '';
  return `project = ${jqlString(projectKey)} AND issuetype in (${issueTypes.map(jqlString).join(', ')}) AND statusCategory != Done${only}${after} ORDER BY key ASC`;
}

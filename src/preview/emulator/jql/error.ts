/**
 * A JQL problem, answered as Jira does: HTTP 400 `{errorMessages: [message], errors: {}}`.
 * Syntax errors read "Error in the JQL Query: … (line 1, character 9)"; validation errors (unknown
 * field, unknown value, unsupported operator) use Jira's own sentences without that prefix.
 */
export class JqlError extends Error {
  override readonly name = 'JqlError';
}

/** 1-based line and character of `offset` in `text`, as Jira reports them. */
export function where(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const character = offset - before.lastIndexOf('\n');
  return `(line ${line}, character ${character})`;
}

export function syntaxError(text: string, offset: number, message: string): JqlError {
  return new JqlError(`Error in the JQL Query: ${message} ${where(text, offset)}`);
}

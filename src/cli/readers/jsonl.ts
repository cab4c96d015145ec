/** `.jsonl`: one issue per line, either shape `.json` accepts. Bad lines are errors with their line number. */
import { issueFromJson, jsonErrorMessage } from './json';
import { baseName, emptyResult, type ReadResult } from './types';

export function readJsonl(input: string, file: string): ReadResult {
  const result = emptyResult();
  const name = baseName(file);
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      result.errors.push({ file, line, message: jsonErrorMessage(err) });
      return;
    }
    const r = issueFromJson(value, undefined, `${name}:${line}`);
    if (r.ok) {
      result.stories.push(r.story);
      result.locations.push({ file, line });
    } else {
      result.errors.push({ file, line, message: r.message });
    }
  });
  return result;
}

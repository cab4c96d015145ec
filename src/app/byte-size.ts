/**
 * The platform's size limits, and how big a value is against them. Every limit counts UTF-8 bytes
 * of the JSON sent, not UTF-16 characters: a 12,000-character Japanese description is 36 KB.
 */
import { jsonBytes } from '../core/bytes';

export { jsonBytes, utf8Length } from '../core/bytes';

/** Platform limits, in bytes of UTF-8 JSON. */
export const LIMITS = {
  /** Jira issue entity property value. */
  issueProperty: 32 * 1024,
  /** Forge KVS value. */
  storageValue: 240 * 1024,
  /** Forge queue event payload. */
  queuePayload: 200 * 1024,
} as const;

/**
 * Consecutive groups of `items` whose JSON array is at most `budget` bytes each (an item bigger
 * than the budget alone goes alone, and the store then says it is too big).
 */
export function groupByBytes<T>(items: readonly T[], budget: number): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let bytes = 2; // []
  for (const item of items) {
    const size = jsonBytes(item) + 1; // and a comma
    if (group.length && bytes + size > budget) {
      groups.push(group);
      group = [];
      bytes = 2;
    }
    group.push(item);
    bytes += size;
  }
  if (group.length) groups.push(group);
  return groups;
}

/** "36.0 KB" for messages people read. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The platform's size limits, and how big a value is against them. Every limit counts UTF-8 bytes
 * of the JSON sent, not UTF-16 characters: a 12,000-character Japanese description is 36 KB.
 */

/** Platform limits, in bytes of UTF-8 JSON. */
export const LIMITS = {
  /** Jira issue entity property value. */
  issueProperty: 32 * 1024,
  /** Forge KVS value. */
  storageValue: 240 * 1024,
  /** Forge queue event payload. */
  queuePayload: 200 * 1024,
} as const;

/** UTF-8 length of `text` without encoding it (a lone surrogate counts as U+FFFD, 3 bytes, as TextEncoder writes it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of `value` as JSON (what the platform stores or sends). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

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

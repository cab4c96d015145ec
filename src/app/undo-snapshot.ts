/**
 * What Undo trusts, kept in app storage where no user can write it (an issue property can be
 * edited by anyone who may edit the issue, so a forged one could make Undo write someone else's
 * text under the clicking user's name). One snapshot per issue: the last Apply's. It holds only
 * the fields that Apply wrote, each with its value before and a hash of the value Jira held right
 * after, so Undo restores exactly those fields and only while they still hold what Apply wrote.
 */
import { contentHash } from './content-hash';
import type { Store } from './ports';

export type UndoField = 'summary' | 'description';
export const UNDO_FIELDS: readonly UndoField[] = ['summary', 'description'];

export interface UndoSnapshot {
  version: 2;
  issueKey: string;
  /** Only the fields Apply wrote. */
  fields: Partial<Record<UndoField, { before: unknown; afterHash: string }>>;
  /** Who applied (Undo is open to anyone who may edit the issue; the panel says who it was). */
  appliedBy: string | null;
  appliedAt: string;
}

export const undoKey = (issueKey: string) => `undo:${issueKey}`;

/** A field's value as Jira returns it, hashed so equal JSON (any key order) hashes equal. */
export function valueHash(value: unknown): string {
  return contentHash(value ?? null);
}

function isSnapshot(value: unknown, issueKey: string): value is UndoSnapshot {
  const v = value as Partial<UndoSnapshot> | null | undefined;
  if (!v || v.version !== 2 || v.issueKey !== issueKey || typeof v.fields !== 'object' || v.fields === null) return false;
  const entries = Object.entries(v.fields);
  return entries.length > 0 && entries.every(([k, f]) => (UNDO_FIELDS as string[]).includes(k) && typeof (f as { afterHash?: unknown })?.afterHash === 'string');
}

/** The issue's snapshot, or null (none, or one in an older shape, which is never trusted). */
export async function readUndo(store: Store, issueKey: string): Promise<UndoSnapshot | null> {
  const value = await store.get<unknown>(undoKey(issueKey));
  return isSnapshot(value, issueKey) ? value : null;
}

export function writtenFields(snapshot: UndoSnapshot): UndoField[] {
  return UNDO_FIELDS.filter((f) => snapshot.fields[f] !== undefined);
}

/** The written fields that no longer hold what Apply wrote (someone edited them since). */
export function changedFields(snapshot: UndoSnapshot, current: Record<string, unknown>): UndoField[] {
  return writtenFields(snapshot).filter((f) => valueHash(current[f]) !== snapshot.fields[f]!.afterHash);
}

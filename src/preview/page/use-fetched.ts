/** A value the preview page fetches from the host and keeps while it refreshes. */
import { useEffect, useState } from 'react';

/**
 * What `load` answers, fetched again whenever `keys` or `refreshes` change; `load` is undefined
 * while its inputs are not known. A change of `keys` (another user, project or issue, or a reload)
 * goes back to null, shown as "Loading…"; a refresh keeps the old value until the new one arrives.
 * An answer to an older request is dropped.
 */
export function useFetched<T>(load: (() => Promise<T>) | undefined, keys: readonly unknown[], refreshes: number): T | null {
  const [value, setValue] = useState<T | null>(null);
  const ready = load !== undefined;
  useEffect(() => {
    if (ready) setValue(null);
  }, [ready, ...keys]);
  useEffect(() => {
    if (!load) return;
    let live = true;
    void load().then((r) => live && setValue(r));
    return () => {
      live = false;
    };
  }, [ready, ...keys, refreshes]);
  return value;
}

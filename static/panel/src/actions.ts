/**
 * The panel's write calls run one at a time. `run` takes a lock synchronously (a ref, not state),
 * so a double click, or a second click before React re-renders the disabled buttons, never sends
 * a second request.
 */
import { useCallback, useRef, useState } from 'react';

export interface SingleFlight {
  /** The id of the action running, or null. Every write button is disabled while it is set. */
  busy: string | null;
  /** Runs `task` unless another action is running; resolves false when it did not run. */
  run(id: string, task: () => Promise<void>): Promise<boolean>;
}

export function useSingleFlight(): SingleFlight {
  const running = useRef<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(async (id: string, task: () => Promise<void>) => {
    if (running.current !== null) return false;
    running.current = id;
    setBusy(id);
    try {
      await task();
    } finally {
      running.current = null;
      setBusy(null);
    }
    return true;
  }, []);
  return { busy, run };
}

/** A polite live region's text: the same message twice is still announced twice. */
export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback((next: string) => {
    window.clearTimeout(timer.current);
    setMessage('');
    timer.current = window.setTimeout(() => setMessage(next), 50);
  }, []);
  return [message, announce];
}

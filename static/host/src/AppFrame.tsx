/**
 * One Custom UI app in an iframe, as Jira shows it: sized to its content (the bridge shim reports
 * its height), told about theme changes without reloading, and heard when it asks the page to
 * re-read its issue (`view.refresh()`) or to show another issue (`router.navigate`).
 */
import { useEffect, useRef, useState } from 'react';
import type { Theme } from './location';

export interface AppFrameProps {
  title: string;
  src: string;
  theme: Theme;
  minHeight: number;
  /** The app changed the issue and asked Jira's issue view to show it as it is now. */
  onRefresh?: (issueKey: string) => void;
  /** The app asked to open an issue. */
  onNavigate?: (issueKey: string) => void;
}

export function AppFrame({ title, src, theme, minHeight, onRefresh, onNavigate }: AppFrameProps) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(minHeight);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== ref.current?.contentWindow) return;
      const data = event.data as { source?: unknown; type?: unknown; height?: unknown; issueKey?: unknown } | null;
      if (data?.source !== 'story-health-preview-frame') return;
      if (data.type === 'resize' && typeof data.height === 'number') {
        setHeight(Math.max(minHeight, Math.min(20000, Math.ceil(data.height))));
      } else if (data.type === 'refresh' && typeof data.issueKey === 'string') {
        onRefresh?.(data.issueKey);
      } else if (data.type === 'navigate' && typeof data.issueKey === 'string') {
        onNavigate?.(data.issueKey);
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [minHeight, onRefresh, onNavigate]);

  useEffect(() => {
    ref.current?.contentWindow?.postMessage({ source: 'story-health-preview-host', type: 'theme', colorMode: theme }, window.location.origin);
  }, [theme]);

  return <iframe ref={ref} title={title} src={src} style={{ height }} className="host-frame" />;
}

/**
 * One Custom UI app in an iframe, as Jira shows it: sized to its content (the bridge shim reports
 * its height) and told about theme changes without reloading.
 */
import { useEffect, useRef, useState } from 'react';
import type { Theme } from './location';

export interface AppFrameProps {
  title: string;
  src: string;
  theme: Theme;
  minHeight: number;
}

export function AppFrame({ title, src, theme, minHeight }: AppFrameProps) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(minHeight);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== ref.current?.contentWindow) return;
      const data = event.data as { source?: unknown; type?: unknown; height?: unknown } | null;
      if (data?.source === 'story-health-preview-frame' && data.type === 'resize' && typeof data.height === 'number') {
        setHeight(Math.max(minHeight, Math.min(20000, Math.ceil(data.height))));
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [minHeight]);

  useEffect(() => {
    ref.current?.contentWindow?.postMessage({ source: 'story-health-preview-host', type: 'theme', colorMode: theme }, window.location.origin);
  }, [theme]);

  return <iframe ref={ref} title={title} src={src} style={{ height }} className="host-frame" />;
}

/**
 * One Custom UI app in an iframe, as Jira shows it: sized to its content (the bridge shim reports
 * its height), told about theme changes without reloading, and heard when it asks the page to
 * re-read its issue (`view.refresh()`) or to show another issue (`router.navigate`).
 *
 * The frame loads in the theme current when it loads (a frame mounted on a tab switch starts in
 * the theme chosen on another tab), and is told the theme again once loaded: a message sent
 * while its page was still loading reached the old document and was lost.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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

/** `src` with the colour mode the app starts in. */
export function withTheme(src: string, theme: Theme): string {
  const url = new URL(src, window.location.origin);
  url.searchParams.set('theme', theme);
  return `${url.pathname}${url.search}`;
}

export function AppFrame({ title, src, theme, minHeight, onRefresh, onNavigate }: AppFrameProps) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(minHeight);
  const themeRef = useRef(theme);
  themeRef.current = theme;
  // A new src loads with the theme of that moment; a theme change alone never reloads the frame.
  const themedSrc = useMemo(() => withTheme(src, themeRef.current), [src]);

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

  const postTheme = useCallback(() => {
    ref.current?.contentWindow?.postMessage({ source: 'story-health-preview-host', type: 'theme', colorMode: themeRef.current }, window.location.origin);
  }, []);
  useEffect(postTheme, [theme, postTheme]);

  return <iframe ref={ref} title={title} src={themedSrc} style={{ height }} className="host-frame" onLoad={postTheme} />;
}

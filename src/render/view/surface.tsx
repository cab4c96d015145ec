/**
 * What differs where the backlog report is shown: the report page inside Jira (keys open through
 * Jira's router, stories are listed live) or the self-contained HTML file (keys link to the site or
 * are plain text, stories show their summaries). The shared sections ask the surface; the rest of
 * their tree, text and data are the same for both.
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface ReportSurface {
  /** An issue key. */
  issueKey(key: string): ReactNode;
  /** A story in a list of stories: its key, and its summary where the surface has it. */
  story(key: string): ReactNode;
  /** Stories in a group: on one line (keys only) or one per line (with summaries). */
  layout: 'inline' | 'list';
  /** Whether elements carry `data-testid` hooks (the page's browser tests use them). */
  testIds: boolean;
}

const PLAIN: ReportSurface = { issueKey: (key) => key, story: (key) => key, layout: 'inline', testIds: false };

const SurfaceContext = createContext<ReportSurface>(PLAIN);

export function SurfaceProvider({ surface, children }: { surface: ReportSurface; children: ReactNode }) {
  return <SurfaceContext.Provider value={surface}>{children}</SurfaceContext.Provider>;
}

export function useSurface(): ReportSurface {
  return useContext(SurfaceContext);
}

/** `data-testid` on the surfaces that want it. */
export function useTestId(): (id: string) => { 'data-testid'?: string } {
  const { testIds } = useSurface();
  return (id) => (testIds ? { 'data-testid': id } : {});
}

/** The page state lives in the query string, so a reload or a shared link shows the same view. */
export type Tab = 'issue' | 'report' | 'settings' | 'workflow' | 'agent';
export type Theme = 'light' | 'dark';

export interface ViewState {
  user?: string;
  project?: string;
  issue?: string;
  tab: Tab;
  theme: Theme;
}

export function readLocation(): ViewState {
  const p = new URLSearchParams(window.location.search);
  const tab = p.get('tab');
  const state: ViewState = {
    tab: tab === 'report' || tab === 'settings' || tab === 'workflow' || tab === 'agent' ? tab : 'issue',
    theme: p.get('theme') === 'dark' ? 'dark' : 'light',
  };
  const user = p.get('user');
  const project = p.get('project');
  const issue = p.get('issue');
  if (user) state.user = user;
  if (project) state.project = project;
  if (issue) state.issue = issue;
  return state;
}

export function toSearch(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.user) p.set('user', state.user);
  if (state.project) p.set('project', state.project);
  if (state.issue) p.set('issue', state.issue);
  if (state.tab !== 'issue') p.set('tab', state.tab);
  if (state.theme === 'dark') p.set('theme', 'dark');
  return `?${p.toString()}`;
}

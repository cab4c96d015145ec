/** Resolver keys: namespaced by domain; the UI wrappers and the backend both import these. */
export const RESOLVER_KEYS = {
  panelAnalyze: 'panel/analyze',
  panelDraft: 'panel/draft',
  panelApply: 'panel/apply',
  panelUndo: 'panel/undo',
  panelCreateSplit: 'panel/create-split',
  panelMakeTask: 'panel/make-task',
  panelMarkSplit: 'panel/mark-split',
  panelAiAssist: 'panel/ai-assist',
  settingsGet: 'settings/get',
  settingsSet: 'settings/set',
  settingsReset: 'settings/reset',
  reportStart: 'report/start',
  reportStatus: 'report/status',
  reportSnapshot: 'report/snapshot',
  reportIssues: 'report/issues',
  reportCancel: 'report/cancel',
} as const;

export type ResolverKey = (typeof RESOLVER_KEYS)[keyof typeof RESOLVER_KEYS];

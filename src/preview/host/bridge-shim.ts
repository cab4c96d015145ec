/**
 * The `window.__bridge` the preview host gives the Custom UI apps, standing in for Jira's.
 * `@forge/bridge` calls `window.__bridge.callBridge(type, payload)` for everything; this answers:
 *
 * - `invoke` `{functionKey, payload}` -> POST /api/bridge -> the resolver's envelope, unchanged
 * - `getContext` -> the Forge context the host built for this frame (issue or project, user, theme)
 * - `enableTheming` -> puts the colour mode on `<html data-color-mode>` and keeps it in step
 *   with the host's theme switch
 * - `on` / `onPublic` / `emit` / `emitPublic` -> events within the frame (and to the host page)
 * - `navigate` `{url, type}` -> opens http(s) links in a new tab; `{target: 'issue', issueKey}` -> the
 *   host shows that issue, as Jira does
 * - `refresh` (`view.refresh()`) -> on an issue, the host re-reads the issue into its issue view (as
 *   Jira's issue view does) and answers true; elsewhere false ("not refreshable"), as Jira does
 * - `reload` (`router.reload()`) -> reloads the frame
 * - `changeWindowTitle`, `getFrameId`, `emitReadyEvent`, `createHistory` -> sensible local answers
 * - `submit` / `close` / `open` / `onClose` -> false (these modules are not modals), as Jira does
 * - anything else -> a rejected promise naming the call
 *
 * `installBridge` runs in the browser: the host serves `(${installBridge})(window)` as a classic
 * script placed before the app's bundle, so it must stay self-contained (no imports, no helpers).
 */

/** What the host embeds in each app page as `<script type="application/json" id="forge-preview-context">`. */
export interface ShimBoot {
  app: string;
  bridgeUrl: string;
  /** This start's API token, sent as `x-story-health-preview-token` (request-guard.ts). */
  token: string;
  context: {
    accountId: string;
    theme?: { colorMode?: string };
    extension: { issue?: { key?: string }; project?: { key?: string } };
  };
}

export const CONTEXT_ELEMENT_ID = 'forge-preview-context';
export const MESSAGE_SOURCE_FRAME = 'story-health-preview-frame';
export const MESSAGE_SOURCE_HOST = 'story-health-preview-host';

type Listener = (payload: unknown) => unknown;

export function installBridge(win: Window): void {
  const doc = win.document;
  const dataElement = doc.getElementById('forge-preview-context');
  const boot = JSON.parse(dataElement?.textContent || '{}') as ShimBoot;
  const listeners = new Map<string, Set<Listener>>();
  const html = doc.documentElement;
  let theming = false;
  /** A workflow rule's configuration callback (`workflowRules.onConfigure` of @forge/jira-bridge). */
  let onConfigure: (() => unknown) | null = null;

  const toHost = (message: Record<string, unknown>) => {
    if (win.parent !== win) win.parent.postMessage({ source: 'story-health-preview-frame', app: boot.app, ...message }, win.location.origin);
  };

  const applyTheme = () => {
    if (!theming) return;
    const mode = boot.context.theme?.colorMode === 'dark' ? 'dark' : 'light';
    html.setAttribute('data-color-mode', mode);
  };

  const dispatch = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        void listener(payload);
      } catch (error) {
        win.setTimeout(() => {
          throw error;
        });
      }
    }
  };

  const subscribe = (payload: unknown) => {
    const { event, callback } = (payload ?? {}) as { event?: unknown; callback?: unknown };
    if (typeof event !== 'string' || typeof callback !== 'function') throw new Error('events.on needs an event name and a callback.');
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(callback as Listener);
    listeners.set(event, set);
    return { unsubscribe: () => set.delete(callback as Listener) };
  };

  const invoke = async (payload: unknown) => {
    const { functionKey, payload: body } = (payload ?? {}) as { functionKey?: unknown; payload?: unknown };
    const context = {
      accountId: boot.context.accountId,
      issueKey: boot.context.extension.issue?.key,
      projectKey: boot.context.extension.project?.key,
    };
    const response = await win.fetch(boot.bridgeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Story-Health-Preview-Token': boot.token },
      body: JSON.stringify({ app: boot.app, functionKey, payload: body === undefined ? {} : body, context }),
      credentials: 'same-origin',
    });
    const text = await response.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error(`The preview host answered ${response.status} with something that is not JSON.`);
    }
    if (!response.ok) {
      const message = (data as { error?: unknown } | null)?.error;
      throw new Error(typeof message === 'string' ? message : `The preview host answered ${response.status}.`);
    }
    return data;
  };

  const history = () => {
    let location = { pathname: '/', search: '', hash: '', state: undefined as unknown, key: 'default' };
    const watchers = new Set<(l: typeof location) => void>();
    const go = (to: unknown) => {
      const url = new URL(typeof to === 'string' ? to : '/', 'http://preview.invalid');
      location = { pathname: url.pathname, search: url.search, hash: url.hash, state: undefined, key: String(Date.now()) };
      for (const w of watchers) w(location);
    };
    return {
      get location() {
        return location;
      },
      set location(l) {
        location = l;
      },
      action: 'POP',
      push: go,
      replace: go,
      go: () => undefined,
      back: () => undefined,
      forward: () => undefined,
      listen(watcher: (l: typeof location) => void) {
        watchers.add(watcher);
        return () => watchers.delete(watcher);
      },
    };
  };

  const callBridge = async (type: string, payload?: unknown): Promise<unknown> => {
    switch (type) {
      case 'invoke':
        return invoke(payload);
      case 'getContext':
        return JSON.parse(JSON.stringify(boot.context));
      case 'enableTheming':
        theming = true;
        applyTheme();
        return undefined;
      case 'on':
      case 'onPublic':
        return subscribe(payload);
      case 'emit':
      case 'emitPublic': {
        const { event, payload: data } = (payload ?? {}) as { event?: unknown; payload?: unknown };
        if (typeof event !== 'string') throw new Error('events.emit needs an event name.');
        dispatch(event, data);
        toHost({ type: 'event', event, payload: JSON.parse(JSON.stringify(data ?? null)) });
        return undefined;
      }
      case 'navigate': {
        const { url, target, issueKey } = (payload ?? {}) as { url?: unknown; target?: unknown; issueKey?: unknown };
        if (target === 'issue' && typeof issueKey === 'string' && /^[A-Z][A-Z0-9_]+-\d+$/.test(issueKey)) {
          toHost({ type: 'navigate', issueKey });
          return undefined;
        }
        if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) throw new Error('The preview opens http(s) links and issues only.');
        win.open(url, '_blank', 'noopener,noreferrer');
        return undefined;
      }
      case 'refresh': {
        const issueKey = boot.context.extension.issue?.key;
        if (!issueKey) return false;
        toHost({ type: 'refresh', issueKey });
        return true;
      }
      case 'reload':
        win.location.reload();
        return true;
      case 'changeWindowTitle':
        doc.title = String(payload);
        return undefined;
      case 'getFrameId':
        return `story-health-preview-${boot.app}`;
      case 'emitReadyEvent':
        return undefined;
      case 'createHistory':
        return history();
      case 'setWorkflowRuleConfigurationCallback': {
        const fn = (payload as { data?: { onConfigure?: unknown } } | undefined)?.data?.onConfigure;
        if (typeof fn !== 'function') return false;
        onConfigure = fn as () => unknown;
        return true;
      }
      case 'submit':
      case 'close':
      case 'open':
      case 'onClose':
        return false;
      default:
        throw new Error(`The Story Health preview does not support the bridge call "${type}".`);
    }
  };

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== win.location.origin || event.source !== win.parent) return;
    const data = event.data as { source?: unknown; type?: unknown; colorMode?: unknown } | null;
    if (!data || data.source !== 'story-health-preview-host') return;
    if (data.type === 'theme' && (data.colorMode === 'dark' || data.colorMode === 'light')) {
      boot.context.theme = { ...(boot.context.theme ?? {}), colorMode: data.colorMode };
      applyTheme();
    }
    // The workflow editor's Add/Update: Jira asks the page's callback for the configuration to save.
    if (data.type === 'workflow-configure') {
      const id = (data as { id?: unknown }).id;
      const callback = onConfigure;
      void (async () => {
        if (!callback) return toHost({ type: 'workflow-config', id, ok: false, error: 'The page registered no configuration callback.' });
        try {
          const config = await callback();
          if (typeof config !== 'string') return toHost({ type: 'workflow-config', id, ok: false, error: 'The configuration callback must return a JSON string.' });
          toHost({ type: 'workflow-config', id, ok: true, config });
        } catch (error) {
          toHost({ type: 'workflow-config', id, ok: false, error: error instanceof Error ? error.message : String(error) });
        }
      })();
    }
  });

  // The host sizes the frame to its content, as Jira does for Custom UI.
  // The content's height: the bottom of the lowest element in <body>. Not the body's or the
  // document's own height: a reset style sheet makes those 100% of the frame, so they never shrink.
  const report = () => {
    const body = doc.body;
    if (!body) return;
    let bottom = 0;
    for (const child of Array.from(body.children)) {
      const style = win.getComputedStyle(child);
      if (style.position === 'fixed' || style.display === 'none') continue;
      bottom = Math.max(bottom, child.getBoundingClientRect().bottom + win.scrollY + parseFloat(style.marginBottom || '0'));
    }
    toHost({ type: 'resize', height: Math.ceil(bottom) });
  };
  if (typeof ResizeObserver === 'function') {
    const observer = new ResizeObserver(report);
    const start = () => {
      const body = doc.body;
      if (!body) return;
      for (const child of Array.from(body.children)) observer.observe(child);
      new MutationObserver((records) => {
        for (const record of records) for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1) observer.observe(node as Element);
        report();
      }).observe(body, { childList: true });
    };
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
    else start();
  }

  (win as Window & { __bridge?: unknown }).__bridge = { callBridge };
}

/** The script the host serves at /__preview/bridge-shim.js. */
export function shimScript(): string {
  return `"use strict";\n(${installBridge.toString()})(window);\n`;
}

/** The JSON data block, safe inside HTML (no `<` can close the script element). */
export function contextElement(boot: ShimBoot): string {
  const json = JSON.stringify(boot).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `<script type="application/json" id="${CONTEXT_ELEMENT_ID}">${json}</script>`;
}

/**
 * Starts an app: reads the Forge context, applies the host's theme, renders. A failure to read the
 * context (not running inside Jira) is shown, not thrown.
 */
import '@atlaskit/css-reset';
import './base.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { getForgeContext, type ForgeContext } from './context';
import { ErrorState, Loading } from './states';
import { setupTheme } from './theme';

export function mount(render: (context: ForgeContext) => ReactNode): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root element');
  const root = createRoot(element);
  root.render(<Loading label="Loading Story Health…" />);
  void (async () => {
    let context: ForgeContext;
    try {
      context = await getForgeContext();
    } catch (error) {
      const message = error instanceof Error ? error.message.trim() : String(error);
      root.render(<ErrorState title="Story Health could not start" error={{ code: 'internal', message }} />);
      return;
    }
    await setupTheme(context);
    root.render(<StrictMode>{render(context)}</StrictMode>);
  })();
}

/**
 * The local preview as one call: the Jira emulator with the sample project (its working copy and
 * the app's storage under `<workDir>`), the in-process queue with the scan consumer, and the
 * preview server. Used by `npm start` and by the browser tests.
 */
import * as path from 'node:path';
import { rm } from 'node:fs/promises';
import { runScanChunk, type ScanEvent } from '../../app/scan';
import { onIssueSaved } from '../../app/on-save';
import { passesTriggerFilter, TYPES_PROPERTY } from '../../app/trigger-filter';
import type { Deps } from '../../app/ports';
import { createInProcessQueue } from '../queue/in-process';
import { createFileStore } from '../store/file-store';
import { builtDirs, ensureStaticBuilt } from './build-static';
import { emulatorBackend } from './emulator-backend';
import { recordedModel } from './recorded-model';
import { checkPortFree, startPreviewServer, type PreviewServer } from './server';

export interface LocalPreviewOptions {
  /** The repository root (has `static/` and `src/preview/sample/project.json`). */
  root: string;
  /** Where the working copy and the app storage live (default `<root>/.story-health`). */
  workDir?: string;
  port?: number;
  /** Start from the shipped sample and empty storage. */
  fresh?: boolean;
  /** Build the apps with Vite: when missing or stale (true, the default), always ('always'), or never (false). */
  build?: boolean | 'always';
  log?: (line: string) => void;
}

export interface LocalPreview extends PreviewServer {
  emulatorUrl: string;
  workDir: string;
  /** Resolves when every save trigger started so far has finished. */
  triggersIdle(): Promise<void>;
}

export async function startLocalPreview(options: LocalPreviewOptions): Promise<LocalPreview> {
  const { root } = options;
  const log = options.log ?? (() => undefined);
  const workDir = options.workDir ?? path.join(root, '.story-health');
  await checkPortFree(options.port ?? 4400);
  const build = options.build ?? true;
  if (build !== false) await ensureStaticBuilt({ root, log, force: build === 'always' });

  const storeFile = path.join(workDir, 'app-storage.json');
  if (options.fresh) await rm(storeFile, { force: true });
  const store = await createFileStore(storeFile);
  const backend = await emulatorBackend({
    projectFile: path.join(root, 'src', 'preview', 'sample', 'project.json'),
    workingCopy: path.join(workDir, 'emulator', 'working-copy.json'),
    fresh: options.fresh ?? false,
    onReset: () => store.clear(),
  });

  const queue = createInProcessQueue({ onError: (error) => log(`scan consumer failed: ${error instanceof Error ? error.message : String(error)}`) });
  const consumerDeps: Deps = { asUser: () => backend.asApp(), asApp: () => backend.asApp(), store, queue, now: () => new Date() };
  queue.register((event) => runScanChunk(event as unknown as ScanEvent, consumerDeps));

  // The save trigger, as Forge runs it: on every issue created or edited by a person (ignoreSelf:
  // the app's own edits, such as the label option, fire nothing), whose type the project checks (the
  // filter expression over the project property `storyHealthTypes`, app/trigger-filter.ts),
  // re-read and store `storyHealth`.
  const triggers = new Set<Promise<unknown>>();
  const stopEvents = backend.onIssueEvent((event) => {
    if (event.byApp) return;
    const run = backend
      .asApp()
      .getProjectProperty(event.issue.fields.project.key, TYPES_PROPERTY)
      .catch(() => null)
      .then((types) => {
        if (passesTriggerFilter(event.issue.fields.issuetype.name, types)) return onIssueSaved(event, consumerDeps);
        log(`save trigger: ${event.issue.key} not delivered (the filter drops its type, ${event.issue.fields.issuetype.name})`);
        return null;
      })
      .then((out) => {
        if (out?.status === 'engine-error') log(`save trigger: Story Health could not analyze ${out.key} (${out.message}); recorded as engine-error`);
      })
      .catch((error: unknown) => log(`save trigger failed for ${event.issue.key}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => triggers.delete(run));
    triggers.add(run);
  });
  const triggersIdle = async () => {
    while (triggers.size) await Promise.all([...triggers]);
  };

  let server: PreviewServer;
  try {
    const llm = recordedModel(path.join(root, 'src', 'preview', 'sample', 'ai-answers.json'));
    server = await startPreviewServer({ backend, store, queue, ...builtDirs(root), port: options.port ?? 4400, log, triggersIdle, llm });
  } catch (error) {
    await backend.close();
    throw error;
  }
  return {
    ...server,
    emulatorUrl: backend.emulatorUrl,
    workDir,
    triggersIdle,
    async close() {
      stopEvents();
      await server.close();
      await triggersIdle();
      await queue.idle();
      await store.flush();
      await backend.close();
    },
  };
}

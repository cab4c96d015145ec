/**
 * What the app's handlers need from the platform, as interfaces: Forge provides them in
 * production (runtime.ts), the preview host provides local ones (emulator, file store, in-process
 * queue). The handlers never import `@forge/*`, so the same code runs in both.
 */
import type { JiraClient } from '../jira/types';
import type { RateLimitMonitor } from '../jira/rate-limit';

/** The subset of Forge KVS the app uses. Values are JSON. */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Sets `key` only if it is not set, atomically (Forge KVS `keyPolicy: 'FAIL_IF_EXISTS'`): of two
   * concurrent calls exactly one gets true. False when the key was already set.
   */
  create(key: string, value: unknown): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, in key order, a page at a time. */
  list<T>(prefix: string, options?: { limit?: number; cursor?: string }): Promise<{ items: { key: string; value: T }[]; cursor?: string }>;
}

export interface JobQueue {
  /** Pushes up to 50 events (Forge's limit); each payload well under 200 KB; delivered after `delaySeconds` (0–900, Forge's limit) when given. */
  push(events: Record<string, unknown>[], options?: { delaySeconds?: number }): Promise<void>;
}

/**
 * A language model (Forge LLMs in production, a recorded or fake model in the preview and tests).
 * One call: the app's instructions and one user message; resolves to the model's text.
 */
export interface LlmPort {
  chat(request: { system: string; user: string; maxTokens: number }): Promise<string>;
}

export interface Deps {
  /** Jira as the person using the UI (permissions apply). */
  asUser(): JiraClient;
  /** Jira as the app (triggers, consumers). */
  asApp(): JiraClient;
  store: Store;
  queue: JobQueue;
  now(): Date;
  /** The model for AI assist; absent where none is configured (AI assist then says it is unavailable). */
  llm?: LlmPort;
  /** What Jira's rate-limit headers said to `asApp()` clients lately (the scan paces itself by it); absent: nothing known. */
  appRateLimits?: Pick<RateLimitMonitor, 'latest'>;
}

/** What a resolver call knows about its caller and where it runs. */
export interface CallContext {
  accountId: string | null;
  /** Issue key when the module is on an issue (issue panel). */
  issueKey?: string;
  /** Project key when the module is on a project (project page, settings page, issue panel). */
  projectKey?: string;
}

/** Starts the emulator on a free port with the test fixture and a temporary working copy. */
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJiraClient } from '../../../src/jira/client';
import type { RetryOptions } from '../../../src/jira/retry';
import { emulatorTransport } from '../../../src/jira/transports';
import type { JiraClient } from '../../../src/jira/types';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../../src/preview/emulator';

export const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'emulator', 'project.json');

export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export interface Harness {
  emulator: Emulator;
  dir: string;
  workingCopy: string;
  stop(): Promise<void>;
}

export async function startEmulator(options: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'story-health-emulator-'));
  const workingCopy = path.join(dir, 'working-copy.json');
  const emulator = await createEmulator({ projectFile: FIXTURE, workingCopy, ...options });
  return {
    emulator,
    dir,
    workingCopy,
    async stop() {
      await emulator.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Retries that never wait for real: the clock moves when the client sleeps. */
export function fakeClock(start = 1_700_000_000_000): Required<Pick<RetryOptions, 'now' | 'sleep' | 'random'>> & { slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    random: () => 0.5,
  };
}

/** A client acting as `who` (an accountId, or 'app'). */
export function clientAs(emulator: Emulator, who: string, retry: RetryOptions = {}): JiraClient {
  const identity = who === 'app' ? ({ asApp: true } as const) : { accountId: who };
  return createJiraClient(emulatorTransport(emulator.url, identity), { retry });
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** A plain HTTP request, for what the client would refuse to send. */
export async function raw(
  emulator: Emulator,
  method: string,
  path: string,
  options: { user?: string; app?: boolean; body?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.user) headers['x-emulator-user'] = options.user;
  if (options.app) headers['x-emulator-app'] = 'true';
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) init.body = options.body;
  const response = await fetch(emulator.url + path, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Catches the rejection of `promise`, failing when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

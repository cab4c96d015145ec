/**
 * The preview's model for AI assist: recorded answers (src/preview/sample/ai-answers.json) looked up
 * by the story's summary in the app's request. No model can be reached from a developer machine or
 * CI, so this shows the whole path — request, validation, the engine's check, the panel — with
 * known answers; any other story gets an unusable answer, as when the real model fails.
 */
import { readFileSync } from 'node:fs';
import type { LlmPort } from '../../app/ports';

interface Recorded {
  answers: { summary: string; answer: string }[];
}

export function recordedModel(file: string): LlmPort {
  let answers: Map<string, string> | null = null;
  return {
    async chat({ user }) {
      answers ??= new Map((JSON.parse(readFileSync(file, 'utf8')) as Recorded).answers.map((a) => [a.summary, a.answer]));
      let summary = '';
      try {
        summary = String((JSON.parse(user) as { story?: { summary?: unknown } }).story?.summary ?? '');
      } catch {
        // not the app's request shape: no recorded answer
      }
      return answers.get(summary) ?? 'The recorded model has no answer for this story.';
    },
  };
}

/**
 * The AI assist's model in production: Atlassian-hosted Claude through Forge LLMs (`@forge/llm`,
 * the manifest's `llm` module). No egress: the story never leaves Atlassian. The model is the
 * first active one of the preferred families that the site offers, asked once per function
 * instance.
 */
import type { LlmPort } from '../app/ports';

/** `@forge/llm` builds its client on import, which needs the Forge runtime: loaded on first use. */
const forgeLlms = () => import('@forge/llm');

/** Fast and cheap first: the suggestions are short and the panel waits for them. */
const PREFERRED = ['haiku', 'sonnet', 'opus'];
let chosen: Promise<string> | null = null;

async function chooseModel(): Promise<string> {
  const { models } = await (await forgeLlms()).list();
  const active = models.filter((m) => m.status === 'active').map((m) => m.model);
  for (const family of PREFERRED) {
    const model = active.find((m) => m.includes(family));
    if (model) return model;
  }
  if (!active[0]) throw new Error('Forge LLMs lists no active model');
  return active[0];
}

export const forgeLlm: LlmPort = {
  async chat({ system, user, maxTokens }) {
    chosen ??= chooseModel().catch((error: unknown) => {
      chosen = null;
      throw error;
    });
    const response = await (await forgeLlms()).chat({
      model: await chosen,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      max_completion_tokens: maxTokens,
      temperature: 0.2,
    });
    const content = response.choices[0]?.message.content ?? '';
    return typeof content === 'string' ? content : content.map((part) => part.text).join('');
  },
};

/**
 * The one locale table: `ruleId/messageId` -> template with `{name}` placeholders (ESLint's
 * interpolate). Tests assert ids and data; wording can change here without touching them.
 */
import type { Truncation } from '../story';

export const en: Record<string, string> = {
  'missing-role/missing': 'The story names no role: say who wants this ("As a <role>, …").',
  'missing-role/notARole': '"{role}" is a person, not a role: name the kind of user instead.',
  'missing-goal/missing': 'The story has no recognizable goal: say what the user wants ("I want …").',
  'missing-benefit/missing': 'The story gives no reason: add the benefit ("so that …").',
  'not-atomic/conjunction': 'The goal asks for more than one capability: "{first}" {joiner} "{second}". Split it into one story each.',
  'not-atomic/sequence': 'The goal is a sequence of steps: "{first}", then "{second}". Each step can be its own story.',
  'not-minimal/brackets': 'The story sentence contains brackets: "{text}". Move notes to the description.',
  'not-minimal/trailing': 'Text follows the story sentence: "{text}". Keep the story to one sentence; move the rest to the description or acceptance criteria.',
  'not-minimal/repeated': 'The indicator "{text}" is repeated.',
  'not-minimal/runOn': 'A second sentence runs into the story sentence: "{text}…". Keep one sentence; move the rest to the description.',
  'not-minimal/aside': 'The story sentence carries an aside after a dash: "{text}". Move notes to the description.',
  'not-minimal/example': 'The story sentence carries an example: "{text}". Move examples to the description or the acceptance criteria.',
  'not-minimal/list': 'The story sentence carries a list after "{text}": move the details to acceptance criteria.',
  'weak-benefit/restates': 'The benefit restates the goal ("{benefit}"): say what the user gains.',
  'weak-benefit/empty': 'The benefit "{benefit}" says nothing about the value: say what changes for the user.',
  'technical-story/technical': 'This is technical work framed as a story: {signals} (first: "{evidence}"). Rewrite it for the person who benefits, make it a task of the user story it serves, or mark it an enabler.',
  'technical-story/team': 'This is work for the team, not a user story: {signals} (first: "{evidence}"). Track it as a team task (or a page for the team), not in the product backlog.',
  'technical-story/spike': 'This is a question to answer, not a user story: {signals} (first: "{evidence}"). Make it a time-boxed spike that states its question and what it produces.',
  'implementation-detail/technology': 'The story prescribes "{term}": describe the need and leave the solution to the team.',
  'dependency/link': 'The story is blocked by {key}: it cannot be developed independently.',
  'dependency/text': 'The story waits on other work: "{text}".',
  'vague-term/vague': '"{term}" is vague: say how it can be measured or tested.',
  'missing-estimate/missing': 'The story has no estimate.',
  'open-question/open': 'The story leaves a decision open ("{text}"): decide it, or plan a spike that answers it, before the team estimates.',
  'oversized/points': 'Estimated at {points} points, above the threshold of {threshold}: split it.',
  'oversized/epicVerb': '"{verb}" hides several stories (create, view, change, remove …): split it by operation.',
  'oversized/manyGoals': 'The goal asks for {count} capabilities: this is an epic, split it.',
  'oversized/manyCriteria': '{count} acceptance criteria (more than {max}): the story is probably too big.',
  'oversized/featureArea': '"{area}" is a whole feature area, not one story: name the first thing a user does with it and split the rest.',
  'oversized/integration': 'Integrating two systems ("{text}") is several stories: split it by what flows in each direction and by each record type.',
  'oversized/platforms': 'The goal covers several platforms or interfaces ("{text}"): start with one and add the others as their own stories.',
  'oversized/longList': 'The goal covers {count} kinds of data ("{text}"): start with the kind users need most and add the others as their own stories.',
  'oversized/unbounded': '"{text}" has no bound: say what is enough for this story and leave the rest to later ones.',
  'horizontal-slice/layer': 'The story is one architectural layer ("{text}"): slice vertically so each story delivers something a user can see.',
  'missing-acceptance-criteria/missing': 'The story has no acceptance criteria: add how we will know it is done.',
  'duplicate/duplicate': 'The story asks for what {others} asks for ({similarity}% the same words): merge them, or make the difference explicit.',
  'non-uniform/form': 'The story is written as "{form}" while most of the backlog uses "{dominant}".',
  'engine-error/story': 'Story Health could not analyze {key} ({error}). It has no score; the other stories were analyzed.',
  'engine-error/rule': 'The {rule} check failed on {key} ({error}): its findings are missing and the score leaves it out.',
  'engine-error/suggestion': 'Story Health could not suggest {suggestion} for {key} ({error}).',
  'notice/field': 'Analyzed the first {analyzed} characters of the {field} (it has {total}); the rest was not read.',
  'notice/sentence': 'Read the first {analyzed} characters of the story sentence in the {field} (it has {total}): a goal or benefit beyond them is not judged.',
  'engine-error/backlog': 'The set-level checks (duplicates, uniformity, personas, dependencies) left {key} out ({error}).',
};

/** A template cut once into text and placeholder names (`{name}`): even indexes are text, odd ones names; unknown placeholders stay visible. */
type CompiledTemplate = string[];

/** The table by rule id, then message id, compiled: messages are formatted for every finding of every story. */
const compiled = new Map<string, Map<string, CompiledTemplate>>();
for (const [key, template] of Object.entries(en)) {
  const slash = key.indexOf('/');
  const byMessage = compiled.get(key.slice(0, slash)) ?? new Map<string, CompiledTemplate>();
  byMessage.set(key.slice(slash + 1), template.split(/\{(\w+)\}/));
  compiled.set(key.slice(0, slash), byMessage);
}

export function formatMessage(ruleId: string, messageId: string, data: Record<string, string | number>): string {
  const parts = compiled.get(ruleId)?.get(messageId);
  if (!parts) return `${ruleId}: ${messageId}`;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in data ? String(data[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

const FIELD_NAME: Record<Truncation['field'], string> = { summary: 'summary', description: 'description', acceptanceCriteria: 'acceptance criteria' };

/** "Analyzed the first 100,000 characters of the description (it has 5,000,000); …" */
export function truncationMessage(t: Truncation): string {
  const data = { field: FIELD_NAME[t.field], analyzed: t.analyzed.toLocaleString('en-US'), total: t.total.toLocaleString('en-US') };
  return formatMessage('notice', t.part, data);
}

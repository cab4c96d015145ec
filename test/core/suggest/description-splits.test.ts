/** Splits chosen from the description's structure: every listed item is a slice, none lost, none invented. */
import { analyzeStory } from '../../../src/core/analyze';
import type { Split } from '../../../src/core/story';

const big = (summary: string, description: string) => analyzeStory({ key: 'T-1', source: 'issue', storyPoints: 13, summary, description });
const parts = (s: Split | undefined) => s?.stories.map((p) => p.summary) ?? [];

test.each([
  [
    'numbered steps become workflow steps, in order; another person\'s step is theirs',
    'workflow-steps',
    'As a teacher, I want to run an assignment in the LMS, so that I stop collecting paper.',
    '1. Create the assignment with a due date\n2. Students submit their files\n3. Return the marked work',
    [
      'As a teacher, I want to create the assignment with a due date, so that I stop collecting paper.',
      'As a teacher, I want students to submit their files, so that I stop collecting paper.',
      'As a teacher, I want to return the marked work, so that I stop collecting paper.',
    ],
  ],
  [
    'platforms become interface variations with the preposition the list implies',
    'interface-variations',
    'As a parent, I want to be told when my child misses a deadline, so that I can talk to them.',
    '### Channels\n- push notification\n- email\n- SMS',
    [
      'As a parent, I want to be told when my child misses a deadline by push notification, so that I can talk to them.',
      'As a parent, I want to be told when my child misses a deadline by email, so that I can talk to them.',
      'As a parent, I want to be told when my child misses a deadline by SMS, so that I can talk to them.',
    ],
  ],
])('%s', (_name, pattern, summary, description, expected) => {
  expect(parts(big(summary, description).splits.find((s) => s.pattern === pattern))).toEqual(expected);
});

test('a rules list becomes business-rule variations, each rule a slice', () => {
  const r = big('As a diner, I want to see the delivery fee before I pay, so that I am not surprised at checkout.', '## Fee rules\n- Base fee within 3 km\n- Free delivery over 30\n- Members never pay a fee');
  const s = r.splits.find((x) => x.pattern === 'business-rules');
  expect(parts(s)).toHaveLength(3);
  expect(parts(s)[1]).toBe('As a diner, I want to see the delivery fee before I pay (free delivery over 30), so that I am not surprised at checkout.');
});

test('a simplest case then harder ones: simple/complex, the simple case first', () => {
  const r = big('As a support agent, I want to search customers, so that the caller waits less.', 'Start with exact email match. Then:\n- partial names\n- phone numbers');
  expect(parts(r.splits.find((s) => s.pattern === 'simple-complex'))[0]).toBe('As a support agent, I want to search customers (exact email match), so that the caller waits less.');
});

test('a measured target: defer performance, the target in the second story', () => {
  const r = big('As an editor, I want to scrub the timeline smoothly, so that I can find the cut point.', 'Target: 60 fps while scrubbing 4K footage.');
  expect(parts(r.splits.find((s) => s.pattern === 'defer-performance'))[1]).toMatch(/\(target: 60 fps while scrubbing 4K footage\)/);
});

test('a stated unknown: a spike first, with its question, even for a story the team could not estimate', () => {
  const r = analyzeStory({ key: 'T-2', source: 'issue', storyPoints: null, summary: 'As a data publisher, I want to sign in with my city account, so that I keep one password.', description: "We've never integrated with the city's identity provider. Could not estimate." });
  const spike = r.splits.find((s) => s.pattern === 'spike')!;
  expect(spike.stories[0]!.summary).toBe("Spike: find out how to integrate with the city's identity provider (time-boxed)");
  expect(spike.appliable).toBe(false);
});

test('the spike question ends where the unknown does', () => {
  const r = analyzeStory({ key: 'T-3', source: 'issue', summary: 'As a warehouse lead, I want customs documents generated, so that trucks pass the border.', description: "We've never integrated with the customs platform and nobody knows what data it needs. Couldn't estimate." });
  expect(r.splits.find((s) => s.pattern === 'spike')!.stories[0]!.summary).toBe('Spike: find out how to integrate with the customs platform (time-boxed)');
});

test('no spike and no generic simple/complex when the description names the slices', () => {
  const r = big('As a creator, I want to import my footage, so that I can start editing.', 'File types we see:\n- MP4\n- MOV\n- audio only: WAV and MP3');
  expect(r.splits.map((s) => s.pattern)).toEqual(['data-variations']);
  expect(parts(r.splits[0])).toHaveLength(4);
});

test('acceptance criteria become scenario slices whose summaries name, not paste, their criterion', () => {
  const r = big('As a student, I want to take a timed quiz, so that I can practise under exam conditions.', '## Acceptance criteria\n- The timer starts when the first question is shown\n- Answers autosave every 30 seconds\n- When the timer reaches zero the quiz is submitted automatically');
  const s = r.splits.find((x) => x.pattern === 'scenarios')!;
  expect(parts(s)[0]).toMatch(/\(timer starts when the first …\)/);
  expect(s.stories[0]!.description).toBe('Acceptance criterion: The timer starts when the first question is shown');
  expect(s.checks!.join(' ')).not.toMatch(/pastes/);
});

test('a story without acceptance criteria gets a drafted Given/When/Then, in the speaker\'s voice', () => {
  const r = analyzeStory({ source: 'issue', storyPoints: 2, summary: 'As a diner, I want to save my favourite restaurants, so that other diners see what I like.' });
  expect(r.acceptanceDraft?.[0]).toBe('Given I am a diner, when I save my favourite restaurants, then other diners see what I like.');
  expect(r.acceptanceDraft?.[1]).toMatch(/^Given I am a diner, when <.*>, then <.*>\.$/);
});

test('work that is not a user story gets no drafted criteria: its rewrite is the fix', () => {
  const r = analyzeStory({ source: 'issue', storyPoints: 2, summary: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images' });
  expect(r.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['technical-story', 'missing-acceptance-criteria']));
  expect(r.acceptanceDraft).toBeUndefined();
});

test('the drafted outcome keeps a thing as its subject, and a story asking for several things gets no draft', () => {
  const thing = analyzeStory({ source: 'issue', storyPoints: 2, summary: 'As an editor, I want to tag each article with a section, so that each section gets its own page.' });
  expect(thing.acceptanceDraft?.[0]).toBe('Given I am an editor, when I tag each article with a section, then each section gets its own page.');
  const several = analyzeStory({ source: 'issue', storyPoints: 2, summary: 'As an editor, I want to tag articles and publish them to the front page, so that readers find them.' });
  expect(several.findings.map((f) => f.ruleId)).toContain('not-atomic');
  expect(several.acceptanceDraft).toBeUndefined();
});

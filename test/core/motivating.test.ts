/** The motivating cases from DEVELOPERS.md and the engine issue, end to end. */
import { analyze, analyzeStory } from '../../src/core/analyze';
import { parseTemplate } from '../../src/core/template';

const ids = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId);

describe('technical stories', () => {
  const technical = 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images';

  test('the motivating story is technical, with a rewrite in the beneficiary\'s voice', () => {
    const r = analyzeStory({ summary: technical });
    expect(r.technical).toBe(true);
    expect(ids(r)).toContain('technical-story');
    const rewrite = r.rewrites.find((w) => w.kind === 'user-story');
    expect(rewrite).toBeDefined();
    // Images stored and retrieved is the system's handling, not what a user sees: the goal is the capability the
    // benefit names, and the benefit is left to fill in (a draft, never applied as is).
    expect(rewrite!.summary).toBe('As a user, I want to add/view images, so that <what does this let them do or avoid?>.');
    expect(rewrite!.appliable).not.toBe(true);
    expect(rewrite!.rationale).toMatch(/user/);
    // The rewrite, its benefit filled in, is itself a well-formed, non-technical story.
    const again = analyzeStory({ summary: rewrite!.summary.replace('<what does this let them do or avoid?>', 'I can show other diners the dish') });
    expect(again.technical).toBe(false);
    expect(ids(again)).not.toContain('missing-role');
    expect(ids(again)).not.toContain('missing-benefit');
  });

  test('with a related user story in the set, it suggests making it a task of that story', () => {
    const report = analyze([
      { key: 'FOOD-1', summary: 'As a reviewer, I want to add images to my review, so that other diners see the dish.' },
      { key: 'FOOD-2', summary: technical },
    ]);
    const r = report.stories[1]!;
    const task = r.rewrites.find((w) => w.kind === 'task');
    expect(task?.parentKey).toBe('FOOD-1');
    expect(task?.summary).toBe('Develop a mechanism to store and retrieve images');
  });

  test('without a related story, an explicit enabler is offered', () => {
    const r = analyzeStory({ summary: 'As the team, I want to set up a load balancer, so that the site survives peak hours.' });
    expect(r.technical).toBe(true);
    expect(r.rewrites.map((w) => w.kind)).toContain('enabler');
  });

  test('a developer is a real user when the product serves developers', () => {
    const r = analyzeStory({ summary: 'As a developer, I want to get a Data Package into Node so that I can start using the data' });
    expect(r.technical).toBe(false);
    const viaSettings = analyzeStory(
      { summary: 'As a developer, I want to add a new endpoint to the SDK so that I can call it' },
      { personas: ['developer'] },
    );
    expect(viaSettings.technical).toBe(false);
  });

  test('the good rewrite from the mission passes as a user story', () => {
    const r = analyzeStory({ summary: 'As a reviewer, I want my uploaded photos to be stored, so that other users can view them at any time.' });
    expect(r.technical).toBe(false);
  });
});

describe('big and interdependent stories', () => {
  const epic = 'As an admin, I want to define zones on a picture as a model, then cut uploaded pictures into the zones, so that each zone gets its own folder.';

  test('the zone cutter epic is not atomic and gets a workflow split', () => {
    const r = analyzeStory({ summary: epic });
    expect(ids(r)).toContain('not-atomic');
    const split = r.splits.find((s) => s.pattern === 'workflow-steps');
    expect(split).toBeDefined();
    expect(split!.stories.map((s) => s.summary)).toEqual([
      'As an admin, I want to define zones on a picture as a model, so that each zone gets its own folder.',
      'As an admin, I want to cut uploaded pictures into the zones, so that each zone gets its own folder.',
    ]);
    for (const part of split!.stories) {
      const pr = analyzeStory({ summary: part.summary });
      expect(ids(pr)).not.toContain('not-atomic');
      expect(parseTemplate(part.summary).form).toBe('role-goal-benefit');
    }
  });

  test('"create and delete zones" splits by operation; nouns joined in one object do not', () => {
    const r = analyzeStory({ summary: 'As an admin, I want to create and delete zones, so that the model fits the picture.' });
    expect(r.splits[0]?.pattern).toBe('operations');
    expect(r.splits[0]?.stories.map((s) => s.summary)).toEqual([
      'As an admin, I want to create zones, so that the model fits the picture.',
      'As an admin, I want to delete zones, so that the model fits the picture.',
    ]);
    expect(ids(analyzeStory({ summary: 'As a guest, I want to accept the terms and conditions, so that I can book.' }))).not.toContain('not-atomic');
    expect(ids(analyzeStory({ summary: 'As an admin, I want to drag and drop zones, so that I can adjust a model.' }))).not.toContain('not-atomic');
  });

  test('"manage" is an epic signal; without a description naming the operations, the split invents none', () => {
    const r = analyzeStory({ summary: 'As an admin, I want to manage picture models, so that uploads are cut correctly.' });
    expect(ids(r)).toContain('oversized');
    const split = r.splits.find((s) => s.pattern === 'operations')!;
    expect(split.stories.map((s) => s.summary)).toEqual([
      'As an admin, I want to view picture models, so that uploads are cut correctly.',
      'As an admin, I want to <other operations a user in this role performs> picture models, so that uploads are cut correctly.',
    ]);
    expect(split.appliable).toBe(false);
  });

  test('"manage" with the operations the description names splits into exactly those', () => {
    const r = analyzeStory({
      key: 'X-1',
      source: 'issue',
      storyPoints: 13,
      summary: 'As a courier, I want to manage my deliveries, so that I earn money.',
      description: 'From the app a courier:\n\n- accepts or declines a job\n- marks it delivered\n\nCouriers never create jobs.',
    });
    expect(r.splits.find((s) => s.pattern === 'operations')?.stories.map((s) => s.summary)).toEqual([
      'As a courier, I want to accept a job, so that I earn money.',
      'As a courier, I want to decline a job, so that I earn money.',
      'As a courier, I want to mark my delivery delivered, so that I earn money.',
    ]);
  });

  test('a layer-only story is a horizontal slice', () => {
    expect(ids(analyzeStory({ summary: 'Create the database tables for picture zones' }))).toContain('horizontal-slice');
    expect(ids(analyzeStory({ summary: 'As an admin, I want a REST API for zones, so that zones can be stored.' }))).toContain('horizontal-slice');
  });

  test('blocked-by links and textual dependencies', () => {
    const report = analyze([
      { key: 'ZONE-1', summary: 'As an admin, I want to draw a zone, so that uploads are cut into it.', links: [{ type: 'Blocks', direction: 'inward', key: 'ZONE-2' }] },
      { key: 'ZONE-2', summary: 'As an admin, I want to upload a model picture (depends on ZONE-1).' },
    ]);
    expect(ids(report.stories[0]!)).toContain('dependency');
    expect(ids(report.stories[1]!)).toContain('dependency');
    expect(report.backlog.dependencyCycles).toEqual([['ZONE-1', 'ZONE-2']]);
  });
});

describe('backlog rules', () => {
  test('duplicates name both keys', () => {
    const report = analyze([
      { key: 'A-1', summary: 'As a diner, I want to filter restaurants by cuisine, so that I find food I like.' },
      { key: 'A-2', summary: 'As a diner I want to filter restaurants by cuisine so that I find food I like' },
      { key: 'A-3', summary: 'As a diner, I want to see opening hours, so that I do not arrive at a closed door.' },
    ]);
    const f = report.stories[0]!.backlogFindings.find((x) => x.ruleId === 'duplicate');
    expect(f?.data.others).toBe('A-2');
    expect(report.stories[1]!.backlogFindings.find((x) => x.ruleId === 'duplicate')?.data.others).toBe('A-1');
    expect(report.stories[2]!.backlogFindings.some((x) => x.ruleId === 'duplicate')).toBe(false);
    // Reported beside the story, not scored: not among the story's findings.
    expect(ids(report.stories[0]!)).not.toContain('duplicate');
    expect(report.backlog.duplicates).toEqual([{ keys: ['A-1', 'A-2'], similarity: 1 }]);
  });

  test('non-uniform: the odd one out of a templated backlog', () => {
    const report = analyze([
      { key: 'B-1', summary: 'As a diner, I want to see prices, so that I can choose.' },
      { key: 'B-2', summary: 'As a diner, I want to see photos, so that I know the place.' },
      { key: 'B-3', summary: 'As a host, I want to reply to reviews, so that guests hear my side.' },
      { key: 'B-4', summary: 'Show the menu on the restaurant page' },
    ]);
    const backlogIds = (r: { backlogFindings: { ruleId: string }[] }) => r.backlogFindings.map((f) => f.ruleId);
    expect(backlogIds(report.stories[3]!)).toContain('non-uniform');
    expect(backlogIds(report.stories[0]!)).not.toContain('non-uniform');
    expect(ids(report.stories[3]!)).not.toContain('non-uniform');
  });
});

test('a long list of data kinds splits by data variation', () => {
  const r = analyzeStory({ summary: 'As a reviewer, I want to upload photos, videos, menus, receipts and documents, so that my review is complete.' });
  const split = r.splits.find((s) => s.pattern === 'data-variations');
  expect(split?.stories.map((s) => s.summary)).toEqual([
    'As a reviewer, I want to upload photos, so that my review is complete.',
    'As a reviewer, I want to upload videos, so that my review is complete.',
    'As a reviewer, I want to upload menus, so that my review is complete.',
    'As a reviewer, I want to upload receipts, so that my review is complete.',
    'As a reviewer, I want to upload documents, so that my review is complete.',
  ]);
});

test('every split part is a well-formed, atomic story', () => {
  const epics = [
    'As an admin, I want to create, rename and delete zones, so that the model fits the picture.',
    'As an admin, I want to manage picture models, so that uploads are cut correctly.',
    'As a diner, I want to search restaurants quickly, so that I can decide while walking.',
  ];
  for (const summary of epics) {
    const r = analyzeStory({ summary, source: 'issue', storyPoints: 13 });
    expect(r.splits.length).toBeGreaterThan(0);
    for (const split of r.splits) {
      expect(split.rationale.length).toBeGreaterThan(10);
      for (const part of split.stories) {
        if (part.summary.startsWith('Spike:')) continue;
        const pr = analyzeStory({ summary: part.summary });
        const ruleIds = pr.findings.map((f) => f.ruleId);
        expect(ruleIds).not.toContain('missing-role');
        expect(ruleIds).not.toContain('missing-goal');
        expect(ruleIds).not.toContain('not-atomic');
      }
    }
  }
});

test('verbs joined by a slash are two capabilities', () => {
  const r = analyzeStory({ summary: 'As a reviewer, I want to add/edit photos, so that my review stays accurate.' });
  expect(r.findings.find((f) => f.ruleId === 'not-atomic')?.data).toMatchObject({ first: 'add', second: 'edit' });
  expect(r.splits[0]?.stories.map((s) => s.summary)).toEqual([
    'As a reviewer, I want to add photos, so that my review stays accurate.',
    'As a reviewer, I want to edit photos, so that my review stays accurate.',
  ]);
  expect(analyzeStory({ summary: 'As an admin, I want read/write access to zones, so that I can fix models.' }).findings.some((f) => f.ruleId === 'not-atomic')).toBe(false);
});

test('the motivating technical story joins "store" and "retrieve", not the framing "develop"; technical work is never split', () => {
  const r = analyzeStory({ summary: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images' });
  expect(r.findings.find((f) => f.ruleId === 'not-atomic')?.data).toMatchObject({ first: 'store', second: 'retrieve' });
  expect(r.splits).toEqual([]);
});

test.each([
  ['As a developer, I want to refactor the review service, so that users are happy.', /^As a user, I want <what do they need\?>, so that I am happy\.$/],
  ['As a developer, I want to refactor the upload service, so that users can upload photos faster.', /^As a user, I want to upload photos faster, so that <what does this let them do or avoid\?>\.$/],
  // "a cache" is still technical: the capability the benefit names becomes the goal, and the benefit is left to fill in (no tautology).
  ['As a developer, I want to add a cache, so that customers are able to see menus offline.', /^As a customer, I want to see menus offline, so that <what does this let them do or avoid\?>\.$/],
  ['As a developer, I want to move restaurant payouts from the weekly batch to a daily job, so that restaurant owners get their money sooner.', /^As a restaurant owner, I want restaurant payouts moved from the weekly batch to a daily job, so that I get my money sooner\.$/],
  ['As the system, I want to pre-fill the intake form from the previous visit, so that patients don\'t have to type their medical history again.', /^As a patient, I want the intake form pre-filled from the previous visit, so that I don't have to type my medical history again\.$/],
])('rewrites never conjugate wrongly: %s', (summary, expected) => {
  const r = analyzeStory({ summary });
  const rewrite = r.rewrites.find((w) => w.kind === 'user-story');
  expect(rewrite?.summary).toMatch(expected);
  expect(rewrite?.summary).not.toMatch(/\bI are\b|\bto are\b/);
});

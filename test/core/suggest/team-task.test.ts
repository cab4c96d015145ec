/**
 * A team task states the team's outcome in the team's voice: "we", with its verb agreeing, and never
 * a clause or a negation turned into "I".
 */
import { analyze, analyzeStory } from '../../../src/core/analyze';
import { returnsEach } from '../../returns-each';

function outcome(summary: string): string | undefined {
  const r = analyzeStory({ key: 'TEAM-1', summary });
  expect(r.kind).toBe('team');
  return r.rewrites.find((w) => w.kind === 'team-task')?.description;
}

returnsEach('the team task of "%s" says %j', outcome, [
  // "I am" becomes "we are", not "we am".
  ['As a scrum master, I want a retro board for every sprint, so that I am sure every voice is heard', 'Outcome for the team: we are sure every voice is heard'],
  // A negative subject names no one: kept as written (it was "we are stuck …", the opposite).
  ['As a team member, I want a weekly knowledge-sharing session, so that nobody is stuck when a colleague is on holiday', 'Outcome for the team: nobody is stuck when a colleague is on holiday'],
  ['As a team member, I want a weekly knowledge-sharing session, so that no one is stuck when a colleague is on holiday', 'Outcome for the team: no one is stuck when a colleague is on holiday'],
  // A clause opens before the verb: "someone" is not the benefit's subject (it was "we am off sick").
  ['As a team lead, I want to move tickets between agents, so that nothing waits while someone is off sick', 'Outcome for the team: nothing waits while someone is off sick'],
  ['As a team member, I want a shared calendar of holidays, so that planning works when someone is away', 'Outcome for the team: planning works when someone is away'],
]);

describe('a team task offered with a button needs more than the role when the work acts on the product\'s users', () => {
  const backlog = [
    { key: 'SUP-1', summary: 'As a support agent, I want to search customers, so that I find the right account quickly' },
    { key: 'SUP-2', summary: 'As a support agent, I want to add a note to a customer account, so that colleagues know the background' },
  ];
  const teamTask = (summary: string) => analyze([...backlog, { key: 'SUP-3', summary }]).stories.find((r) => r.key === 'SUP-3')!.rewrites.find((w) => w.kind === 'team-task');

  it('is a draft that says why when only the role says team work and the goal acts on the backlog\'s personas (agents)', () => {
    const w = teamTask('As a team lead, I want to see how many tickets each agent has open, so that I can balance the load');
    expect(w?.appliable).toBe(false);
    expect(w?.checks).toEqual(['Only the role ("team lead") says this is the team\'s own work: if people in that role use the product, keep it as a user story.']);
  });

  it('is offered when the goal acts on no persona of the backlog (a page to redesign)', () => {
    expect(teamTask('As a team lead, I want to redesign the onboarding page for new hires, so that it matches our style')?.appliable).toBe(true);
  });

  it('is offered when the work itself is the team\'s (a retro board)', () => {
    expect(teamTask('As a scrum master, I want a retro board for every sprint, so that I am sure every voice is heard')?.appliable).toBe(true);
  });
});

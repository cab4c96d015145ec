/**
 * A team task states the team's outcome in the team's voice: "we", with its verb agreeing, and never
 * a clause or a negation turned into "I".
 */
import { analyzeStory } from '../../../src/core/analyze';
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

/** The eval's mechanical checks on suggested text (scripts/lib/eval-suggestions.ts). */
import { defectsOf } from '../../scripts/lib/eval-suggestions';

const teamTask = (description: string) => ({
  ref: 'T-1',
  quotable: true,
  what: 'rewrite: team-task',
  summary: 'Team task: move tickets between agents',
  full: `Team task: move tickets between agents\n${description}`,
  placeholders: [],
  appliable: true,
});

describe('subject and verb disagree', () => {
  it.each(['Outcome for the team: we am off sick', 'Outcome for the team: they is ready', 'Outcome: I are done'])('is a defect in any suggestion: %j', (description) => {
    expect(defectsOf(teamTask(description), [])).toContain('subject and verb disagree');
  });

  it.each(['Outcome for the team: we are sure every voice is heard', 'Outcome for the team: nothing waits while someone is off sick', 'Outcome: I am done'])('is not one in %j', (description) => {
    expect(defectsOf(teamTask(description), [])).not.toContain('subject and verb disagree');
  });
});

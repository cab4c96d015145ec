/** Settings errors in words: each zod issue of the settings schema as one sentence naming the field by its label. */
import { parseSettings, settingsSchema } from '../../src/core/config';
import { SETTINGS_FIELD_LABELS, settingsFieldOf } from '../../src/core/settings-labels';

function errorsOf(input: unknown): { path: string; message: string }[] {
  const result = parseSettings(input);
  if (result.ok) throw new Error(`${JSON.stringify(input)} was accepted`);
  return result.errors;
}

test.each([
  // What the settings page can send.
  [{ oversizeThreshold: 0 }, 'oversizeThreshold', 'Oversize threshold must be at least 1.'],
  [{ oversizeThreshold: 500 }, 'oversizeThreshold', 'Oversize threshold must be at most 100.'],
  [{ oversizeThreshold: 2.5 }, 'oversizeThreshold', 'Oversize threshold must be a whole number from 1 to 100 (not 2.5).'],
  [{ oversizeThreshold: null }, 'oversizeThreshold', 'Oversize threshold is empty: enter a whole number from 1 to 100.'],
  [{ maxAcceptanceCriteria: 0 }, 'maxAcceptanceCriteria', 'Maximum acceptance criteria must be at least 1.'],
  [{ label: { threshold: 101 } }, 'label.threshold', 'Label threshold must be at most 100.'],
  [{ label: { threshold: null } }, 'label.threshold', 'Label threshold is empty: enter a whole number from 0 to 100.'],
  [{ label: { name: 'needs refinement' } }, 'label.name', 'Label name cannot contain spaces: a Jira label is one word, such as needs-refinement.'],
  [{ label: { name: '   ' } }, 'label.name', 'Label name cannot be empty.'],
  [{ label: { name: 'x'.repeat(256) } }, 'label.name', 'Label name can be at most 255 characters long.'],
  [{ issueTypes: [] }, 'issueTypes', 'Issue types to check needs at least one entry.'],
  [{ vagueTerms: Array.from({ length: 501 }, (_, i) => `w${i}`) }, 'vagueTerms', 'Extra vague terms can have at most 500 entries.'],
  [{ personas: ['x'.repeat(81)] }, 'personas.0', `Personas has an entry longer than 80 characters: "${'x'.repeat(39)}…".`],
  [{ builderRoles: ['ops', ' '] }, 'builderRoles.1', 'Builder roles has an empty entry (entry 2).'],
  // What a config file or a hand-made request can send.
  [{ oversizeThreshold: 'big' }, 'oversizeThreshold', 'Oversize threshold must be a whole number from 1 to 100 (not "big").'],
  [{ preset: 'lenient' }, 'preset', 'Preset must be "recommended" or "strict".'],
  [{ rules: { 'vague-term': 'loud' } }, 'rules.vague-term', 'Severity of vague-term must be "off", "info", "warn" or "error" (not "loud").'],
  [{ rules: { 'no-such-rule': 'warn' } }, 'rules.no-such-rule', expect.stringMatching(/^Rules: there is no rule "no-such-rule"\. The rules are missing-role, .*non-uniform\.$/)],
  [{ rules: ['vague-term'] }, 'rules', 'Rules must map rule ids to severities, such as {"vague-term": "off"}.'],
  [{ issueTypes: 'Story' }, 'issueTypes', 'Issue types to check must be a list of words.'],
  [{ vagueTerms: [3] }, 'vagueTerms.0', 'Extra vague terms must be a list of words: entry 1 is not text.'],
  [{ label: { enabled: 'yes' } }, 'label.enabled', 'Add a label must be true or false.'],
  [{ label: { colour: 'red' } }, 'label', 'Label on weak stories has no setting "colour"; its settings are enabled, name, threshold.'],
  [{ label: 'on' }, 'label', 'Label on weak stories must be an object with enabled, name, threshold.'],
  [{ surprise: true }, '(root)', expect.stringMatching(/^There is no setting "surprise"; the settings are preset, rules, .*, label\.$/)],
  [{ a: 1, b: 2 }, '(root)', expect.stringMatching(/^There are no settings "a" and "b"; /)],
  [[1], '(root)', 'Settings must be a JSON object, such as {"preset": "recommended"}.'],
])('%j: %s', (input, path, message) => {
  expect(errorsOf(input)[0]).toEqual({ path, message });
});

test('no message is zod’s raw wording; each is a sentence that starts with the field’s label', () => {
  const inputs: unknown[] = [
    { oversizeThreshold: -3 },
    { maxAcceptanceCriteria: 1000 },
    { maxAcceptanceCriteria: 'many' },
    { label: { threshold: -1, name: '', enabled: 1 } },
    { issueTypes: ['', 'x'.repeat(61)], personas: 'dev', builderRoles: [null] },
    { preset: 3, rules: { nope: 'off', 'vague-term': 'shout' } },
  ];
  for (const input of inputs) {
    for (const { path, message } of errorsOf(input)) {
      expect(message).not.toMatch(/expected|received|Invalid input|Too (small|big)|>=|<=|Unrecognized/);
      expect(message).toMatch(/^[A-Z].*\.$/);
      const field = settingsFieldOf(path);
      if (field === 'rules') expect(message).toMatch(/^(Rules|Severity of)\b/);
      else expect(message.startsWith(SETTINGS_FIELD_LABELS[field!]!)).toBe(true);
    }
  }
});

test('every setting has a label, and every label is a setting', () => {
  const shape = settingsSchema.shape;
  const paths = [...Object.keys(shape), ...Object.keys(shape.label.unwrap().shape).map((k) => `label.${k}`)];
  expect(Object.keys(SETTINGS_FIELD_LABELS).sort()).toEqual(paths.sort());
});

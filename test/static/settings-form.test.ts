/** The settings page's form model: what is loaded is what is saved, for every setting. */
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../src/core/config';
import { toForm, toSettings } from '../../static/settings/src/form';

test('a round trip through the form keeps every setting, "Who uses the product" included', () => {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    preset: 'strict',
    productUsers: 'builders',
    rules: { 'vague-term': 'off' },
    oversizeThreshold: 13,
    personas: ['developer'],
    label: { enabled: true, name: 'needs-work', threshold: 40 },
  };
  expect(settingsSchema.parse(toSettings(toForm(settings)))).toEqual(settings);
});

test('every setting the schema has is on the form', () => {
  expect(Object.keys(toSettings(toForm(DEFAULT_SETTINGS))).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
});

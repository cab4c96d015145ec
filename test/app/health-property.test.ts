/** What makes a stored `storyHealth` property stale: the story's content, not what the parent field says of the parent. */
import { propertyHash } from '../../src/app/health-property';
import { DEFAULT_SETTINGS } from '../../src/core/config';
import type { StoryInput } from '../../src/core/story';

const story: StoryInput = { key: 'ZONE-6', summary: 'As an admin, I want to upload a reference picture, so that I can draw zones', parent: 'ZONE-2', source: 'issue' };

test("the parent's title and type feed suggestions only: renaming an epic rewrites none of its stories' properties", () => {
  const hash = propertyHash(story, DEFAULT_SETTINGS, []);
  expect(propertyHash({ ...story, parentSummary: 'Zone model editor', parentType: 'Epic' }, DEFAULT_SETTINGS, [])).toBe(hash);
  expect(propertyHash({ ...story, parentSummary: 'Model editor (renamed)' }, DEFAULT_SETTINGS, [])).toBe(hash);
  // The parent itself is content (a sub-task's story is what it serves).
  expect(propertyHash({ ...story, parent: 'ZONE-3' }, DEFAULT_SETTINGS, [])).not.toBe(hash);
});

/** A small, original backlog run through the scan path: analyzeForScan per story, then aggregate. */
import { aggregate, type Snapshot } from '../../src/core/aggregate';
import { DEFAULT_SETTINGS } from '../../src/core/config';
import { analyzeForScan, type ScanRecord } from '../../src/core/scan-record';
import type { StoryInput } from '../../src/core/story';
import { reportStory, type ReportStory } from '../../src/render/model';

export const CREATED_AT = '2024-06-03T09:30:00.000Z';

export const BACKLOG: StoryInput[] = [
  {
    key: 'KITE-1',
    summary: 'As a kite surfer, I want to see the wind forecast for my beach so that I can plan a session',
    acceptanceCriteria: 'Shows wind speed and direction for the next 3 days',
    storyPoints: 3,
    source: 'issue',
  },
  {
    key: 'KITE-2',
    summary: 'As a kite surfer, I want to see the wind forecast for my beach so that I can plan a session today',
    storyPoints: 3,
    source: 'issue',
  },
  {
    key: 'KITE-3',
    summary: 'As a school owner, I want to book lessons for students so that instructors are never double-booked',
    storyPoints: 13,
    links: [{ type: 'Blocks', direction: 'inward', key: 'KITE-4' }],
    source: 'issue',
  },
  {
    key: 'KITE-4',
    summary: 'Create the bookings database table',
    storyPoints: null,
    links: [
      { type: 'Blocks', direction: 'outward', key: 'KITE-3' },
      { type: 'Blocks', direction: 'inward', key: 'KITE-5' },
    ],
    source: 'issue',
  },
  {
    key: 'KITE-5',
    summary: 'As an instructor, I want to manage my availability',
    storyPoints: 5,
    links: [{ type: 'Blocks', direction: 'inward', key: 'KITE-4' }],
    source: 'issue',
  },
  {
    key: 'KITE-6',
    summary: 'Nice <script>alert("kite")</script> & "quotes" | pipes `ticks` https://evil.example/x.png',
    storyPoints: 2,
    source: 'issue',
  },
];

export function scan(stories: StoryInput[] = BACKLOG): { snapshot: Snapshot; rows: ReportStory[]; records: ScanRecord[] } {
  const results = stories.map((s) => analyzeForScan(s, DEFAULT_SETTINGS));
  const records = results.map((r) => r.record);
  return { snapshot: aggregate(records, { createdAt: CREATED_AT, engineVersion: '1.0.0' }), rows: results.map(reportStory), records };
}

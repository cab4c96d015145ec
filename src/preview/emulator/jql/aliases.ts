/**
 * Entity-property indexes: what `manifest.yml` declares under `jira:entityProperty`, so
 * `storyHealthScore < 60` means `issue.property[storyHealth].score < 60`. Kept in step with the
 * manifest by a test (test/preview/emulator/aliases.test.ts).
 */
import { CRITERIA } from '../../../core/story';

export type PropertyValueType = 'number' | 'string' | 'text' | 'date' | 'user';

export interface PropertyIndex {
  propertyKey: string;
  /** Dot path inside the property value; arrays along the way are searched element by element. */
  path: string;
  type: PropertyValueType;
  searchAlias?: string;
}

const storyHealth = (path: string, type: PropertyValueType, searchAlias: string): PropertyIndex => ({ propertyKey: 'storyHealth', path, type, searchAlias });

/** The `storyHealth` issue property's indexes: one per INVEST criterion between the rule ids and the engine version. */
export const MANIFEST_PROPERTY_INDEXES: readonly PropertyIndex[] = [
  storyHealth('score', 'number', 'storyHealthScore'),
  storyHealth('technical', 'string', 'storyHealthTechnical'),
  storyHealth('ruleIds', 'string', 'storyHealthRule'),
  ...CRITERIA.map((c) => storyHealth(`criteria.${c}`, 'number', `storyHealth${c[0]!.toUpperCase()}${c.slice(1)}`)),
  storyHealth('engineVersion', 'string', 'storyHealthEngine'),
  storyHealth('analyzedAt', 'date', 'storyHealthAnalyzed'),
];

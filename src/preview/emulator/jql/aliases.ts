/**
 * Entity-property indexes: what `manifest.yml` declares under `jira:entityProperty`, so
 * `storyHealthScore < 60` means `issue.property[storyHealth].score < 60`. Kept in step with the
 * manifest by a test (test/preview/emulator/jql-aliases.test.ts).
 */
export type PropertyValueType = 'number' | 'string' | 'text' | 'date' | 'user';

export interface PropertyIndex {
  propertyKey: string;
  /** Dot path inside the property value; arrays along the way are searched element by element. */
  path: string;
  type: PropertyValueType;
  searchAlias?: string;
}

export const MANIFEST_PROPERTY_INDEXES: readonly PropertyIndex[] = [
  { propertyKey: 'storyHealth', path: 'score', type: 'number', searchAlias: 'storyHealthScore' },
  { propertyKey: 'storyHealth', path: 'technical', type: 'string', searchAlias: 'storyHealthTechnical' },
  { propertyKey: 'storyHealth', path: 'ruleIds', type: 'string', searchAlias: 'storyHealthRule' },
  { propertyKey: 'storyHealth', path: 'criteria.independent', type: 'number', searchAlias: 'storyHealthIndependent' },
  { propertyKey: 'storyHealth', path: 'criteria.negotiable', type: 'number', searchAlias: 'storyHealthNegotiable' },
  { propertyKey: 'storyHealth', path: 'criteria.valuable', type: 'number', searchAlias: 'storyHealthValuable' },
  { propertyKey: 'storyHealth', path: 'criteria.estimable', type: 'number', searchAlias: 'storyHealthEstimable' },
  { propertyKey: 'storyHealth', path: 'criteria.small', type: 'number', searchAlias: 'storyHealthSmall' },
  { propertyKey: 'storyHealth', path: 'criteria.testable', type: 'number', searchAlias: 'storyHealthTestable' },
  { propertyKey: 'storyHealth', path: 'criteria.template', type: 'number', searchAlias: 'storyHealthTemplate' },
  { propertyKey: 'storyHealth', path: 'engineVersion', type: 'string', searchAlias: 'storyHealthEngine' },
  { propertyKey: 'storyHealth', path: 'analyzedAt', type: 'date', searchAlias: 'storyHealthAnalyzed' },
];

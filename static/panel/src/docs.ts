/** Where each rule is explained: the rules catalogue, one anchor per rule id. */
export const RULE_DOCS_BASE = 'https://github.com/story-health/story-health/blob/main/docs/rules.md';

export const ruleDocsUrl = (ruleId: string) => `${RULE_DOCS_BASE}#${encodeURIComponent(ruleId)}`;

/** Rewrite and split suggestions. Each card has an actions slot (Apply, Create stories, …) and rewrites a details slot (the diff). */
import type { ReactNode } from 'react';
import type { Rewrite, Split } from '../../../src/contract';
import { SuggestionCard, WithPlaceholders } from './SuggestionCard';

export const REWRITE_LABEL: Record<Rewrite['kind'], string> = {
  'user-story': 'Rewrite as a user story',
  task: 'Make it a task of a user story',
  enabler: 'Keep it as an enabler',
  'team-task': 'Make it a task for the team',
  spike: 'Make it a time-boxed spike',
};

export const SPLIT_LABEL: Record<Split['pattern'], string> = {
  'workflow-steps': 'workflow steps',
  operations: 'operations',
  'business-rules': 'business rules',
  'data-variations': 'data variations',
  'interface-variations': 'interface variations',
  scenarios: 'scenarios',
  'simple-complex': 'simple, then complex',
  'defer-performance': 'defer performance',
  spike: 'a spike first',
  conjunctions: 'conjunctions',
};

export interface SuggestionsProps {
  rewrites: readonly Rewrite[];
  splits: readonly Split[];
  /** Optional actions per card, e.g. Apply or Create buttons. */
  rewriteActions?: (rewrite: Rewrite, index: number) => ReactNode;
  splitActions?: (split: Split, index: number) => ReactNode;
  /** Optional extra content under a rewrite's text, e.g. a diff against the current summary. */
  rewriteDetails?: (rewrite: Rewrite, index: number) => ReactNode;
}

/** A titled section of suggestion cards. */
function SuggestionSection({ headingId, title, children }: { headingId: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <div className="sh-stack">{children}</div>
    </section>
  );
}

export function Suggestions({ rewrites, splits, rewriteActions, splitActions, rewriteDetails }: SuggestionsProps) {
  return (
    <>
      {rewrites.length ? (
        <SuggestionSection headingId="sh-rewrites-heading" title="Suggested rewrites">
          {rewrites.map((r, i) => (
            <SuggestionCard
              key={`${r.kind}-${i}`}
              id={`rewrite-${i}`}
              title={REWRITE_LABEL[r.kind]}
              suggestion={r}
              actions={rewriteActions?.(r, i)}
            >
              <p className="sh-suggested-summary" data-kind={r.kind}>
                <WithPlaceholders text={r.summary} placeholders={r.placeholders} />
              </p>
              {r.description ? (
                <p className="sh-suggested-description">
                  <WithPlaceholders text={r.description} placeholders={r.placeholders} />
                </p>
              ) : null}
              {r.parentKey && !r.description?.includes(r.parentKey) ? <p className="sh-subtle">Serves {r.parentKey}</p> : null}
              {rewriteDetails?.(r, i)}
            </SuggestionCard>
          ))}
        </SuggestionSection>
      ) : null}
      {splits.length ? (
        <SuggestionSection headingId="sh-splits-heading" title="Suggested splits">
          {splits.map((s, i) => (
            <SuggestionCard
              key={`${s.pattern}-${i}`}
              id={`split-${i}`}
              title={`Split by ${SPLIT_LABEL[s.pattern]}`}
              suggestion={s}
              actions={splitActions?.(s, i)}
            >
              <ol className="sh-split-stories" data-pattern={s.pattern}>
                {s.stories.map((story, j) => (
                  <li key={j}>
                    <WithPlaceholders text={story.summary} placeholders={s.placeholders} />
                    {story.description ? (
                      <p className="sh-subtle">
                        <WithPlaceholders text={story.description} placeholders={s.placeholders} />
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            </SuggestionCard>
          ))}
        </SuggestionSection>
      ) : null}
    </>
  );
}

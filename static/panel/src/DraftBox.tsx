/**
 * The draft box: a summary to edit (pre-filled with the current summary, or with a suggestion the
 * user picked), scored as the user types (debounced, `panel/draft`), and applied to the issue. The
 * text is a plain <textarea> value: hostile text stays text, and nothing typed is lost when Apply
 * is refused.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import Button from '@atlaskit/button/new';
import type { PanelIssue, ResolverError } from '../../../src/contract';
import type { StoryReport } from '../../../src/contract';
import { scoreDraft } from '../../shared/invokes';
import { ActionError } from './ActionError';
import { BidiNote } from './BidiNote';
import { PlaceholderList } from './SuggestionCard';
import { grade, GRADE_LABEL, LETTERS } from './criteria';

export const DRAFT_DEBOUNCE_MS = 400;
export const SUMMARY_MAX = 255;
const DESCRIPTION_MAX = 32_768;
const SYMBOL = { pass: '✓', warn: '!', fail: '✕' } as const;

export interface Draft {
  text: string;
  /** False while the box follows the issue's current summary. */
  touched: boolean;
  /** Where the text came from, e.g. "Rewrite as a user story". */
  from: string | null;
  placeholders: readonly string[];
}

export interface DraftBoxProps {
  issue: PanelIssue;
  /** The issue's own analysis: the draft's score is compared with it. */
  current: StoryReport;
  draft: Draft;
  onChange: (text: string) => void;
  onReset: () => void;
  /** Every placeholder the suggestions use: a draft still holding one is not applied. */
  knownPlaceholders: readonly string[];
  canEdit: boolean;
  busy: string | null;
  applyId: string;
  onApply: () => void;
  error: ResolverError | undefined;
  onReload: () => void;
  textareaRef: RefObject<HTMLTextAreaElement>;
}

type Scored = { status: 'idle' } | { status: 'scoring'; last: StoryReport | null } | { status: 'done'; report: StoryReport } | { status: 'error'; error: ResolverError; last: StoryReport | null };

function lastReport(s: Scored): StoryReport | null {
  if (s.status === 'done') return s.report;
  if (s.status === 'scoring' || s.status === 'error') return s.last;
  return null;
}

export function DraftBox(props: DraftBoxProps) {
  const { issue, current, draft, knownPlaceholders, canEdit, busy, applyId, error, textareaRef } = props;
  const [scored, setScored] = useState<Scored>({ status: 'done', report: current });
  const seq = useRef(0);
  const text = draft.text;

  useEffect(() => {
    const mine = ++seq.current;
    // The current summary needs no call: the panel's own analysis is its score.
    if (text === issue.summary) {
      setScored({ status: 'done', report: current });
      return;
    }
    if (!text.trim() || text.length > SUMMARY_MAX) {
      setScored({ status: 'idle' });
      return;
    }
    setScored((s) => ({ status: 'scoring', last: lastReport(s) }));
    const timer = window.setTimeout(() => {
      const request = { issueKey: issue.key, summary: text, ...(issue.description.length <= DESCRIPTION_MAX ? { description: issue.description } : {}) };
      void scoreDraft(request).then((result) => {
        if (mine !== seq.current) return; // a newer draft is on its way
        setScored((s) => (result.ok ? { status: 'done', report: result.data } : { status: 'error', error: result.error, last: lastReport(s) }));
      });
    }, DRAFT_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, issue.key, issue.summary, issue.description, current]);

  const report = lastReport(scored);
  const remaining = knownPlaceholders.filter((p) => p && text.includes(p));
  const blocked = !canEdit
    ? `You cannot edit ${issue.key}.`
    : !text.trim()
      ? 'Type a summary first.'
      : text.length > SUMMARY_MAX
        ? `A summary has at most ${SUMMARY_MAX} characters.`
        : text.trim() === issue.summary.trim()
          ? `This is ${issue.key}'s current summary.`
          : remaining.length
            ? `Replace ${remaining.length === 1 ? 'the placeholder' : 'the placeholders'} ${remaining.join(', ')} first.`
            : null;

  return (
    <section aria-labelledby="sh-draft-heading" className="sh-draft" data-testid="draft-box">
      <h2 id="sh-draft-heading">Draft box</h2>
      <label htmlFor="sh-draft" className="sh-draft-label">
        Draft summary
      </label>
      <p id="sh-draft-hint" className="sh-subtle sh-draft-hint">
        {draft.from ? `From "${draft.from}". ` : `${issue.key}'s current summary. `}
        The score below follows as you type.
      </p>
      <textarea
        id="sh-draft"
        ref={textareaRef}
        className="sh-textarea"
        value={text}
        rows={4}
        aria-describedby={`sh-draft-hint sh-draft-count${blocked ? ' sh-draft-blocked' : ''}`}
        aria-invalid={text.length > SUMMARY_MAX || undefined}
        spellCheck
        onChange={(event) => props.onChange(event.target.value)}
      />
      <p id="sh-draft-count" className={`sh-draft-count ${text.length > SUMMARY_MAX ? 'sh-over' : 'sh-subtle'}`}>
        {text.length} of {SUMMARY_MAX} characters
      </p>
      <PlaceholderList label="Still to fill in: " placeholders={remaining} />
      <BidiNote text={text} />
      <DraftResult scored={scored} report={report} current={current} />
      <div className="sh-button-row">
        <Button appearance="primary" isDisabled={busy !== null || blocked !== null} isLoading={busy === applyId} onClick={props.onApply}>
          Apply the draft
        </Button>
        {draft.touched ? (
          <Button appearance="subtle" onClick={props.onReset}>
            Start again from the current summary
          </Button>
        ) : null}
      </div>
      {blocked ? (
        <p id="sh-draft-blocked" className="sh-subtle sh-action-note">
          {blocked}
        </p>
      ) : null}
      {error ? <ActionError title="Draft not applied" error={error} onReload={props.onReload} reloading={busy === 'reload'} /> : null}
    </section>
  );
}

function DraftResult({ scored, report, current }: { scored: Scored; report: StoryReport | null; current: StoryReport }) {
  const [spoken, setSpoken] = useState('');
  const score = scored.status === 'done' ? scored.report.score : null;
  const findings = scored.status === 'done' ? scored.report.findings.length : null;
  useEffect(() => {
    if (score === null) return;
    setSpoken(`Draft score ${score} of 100, ${GRADE_LABEL[grade(score)]}; ${findings === 1 ? '1 finding' : `${findings} findings`}.`);
  }, [score, findings]);

  const delta = report ? report.score - current.score : 0;
  return (
    <div className="sh-draft-result" aria-busy={scored.status === 'scoring'}>
      <p className="sh-visually-hidden" role="status" aria-live="polite">
        {spoken}
      </p>
      {report ? (
        <>
          <p className="sh-draft-score" data-testid="draft-score">
            <span className={`sh-draft-score-number sh-grade-${grade(report.score)}`}>{report.score}</span>
            <span className="sh-subtle">/100</span>
            <span className="sh-subtle sh-draft-delta">
              {' '}
              ({delta === 0 ? 'same as now' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)} vs. ${current.score} now`})
            </span>
            {scored.status === 'scoring' ? <span className="sh-subtle sh-draft-pending"> · scoring…</span> : null}
          </p>
          <ul className="sh-list-plain sh-draft-letters" aria-label="Draft INVEST scores">
            {LETTERS.map(({ criterion, letter, name }) => {
              const s = report.criteria[criterion];
              const g = grade(s);
              return (
                <li key={criterion} className={`sh-draft-letter sh-grade-${g}`} data-criterion={criterion} data-grade={g}>
                  <span aria-hidden="true">
                    {letter}
                    {SYMBOL[g]}
                  </span>
                  <span className="sh-visually-hidden">
                    {name}: {GRADE_LABEL[g]}, {s} of 100
                  </span>
                </li>
              );
            })}
          </ul>
          {report.findings.length ? (
            <ul className="sh-list-plain sh-draft-findings" aria-label="Draft findings">
              {report.findings.map((f, i) => (
                <li key={`${f.ruleId}-${i}`} data-draft-rule={f.ruleId}>
                  <code className="sh-rule-id">{f.ruleId}</code> {f.message}
                </li>
              ))}
            </ul>
          ) : (
            <p className="sh-empty">The draft has no findings.</p>
          )}
        </>
      ) : scored.status === 'scoring' ? (
        <p className="sh-subtle">Scoring…</p>
      ) : null}
      {scored.status === 'error' ? <p className="sh-action-note">Could not score the draft: {scored.error.message}</p> : null}
    </div>
  );
}

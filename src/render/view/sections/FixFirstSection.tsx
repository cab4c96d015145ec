/** "Fix these first": the lowest-scoring stories with the most serious finding of each. */
import type { ReactNode } from 'react';
import { grade } from '../../../contract/ui';
import { Section } from '../Section';
import { Table } from '../Table';
import { useSurface } from '../surface';

export interface FixFirstRow {
  key: string;
  score: number;
  ruleId: string | null;
  /** The top finding's message, or null for a story without findings. */
  message: string | null;
}

/** `summary` shows a story's summary as the surface has it (read live on the page, from the input in the file). */
export function FixFirstSection({ id, rows, summary }: { id: string; rows: readonly FixFirstRow[]; summary: (key: string) => ReactNode }) {
  const { issueKey } = useSurface();
  return (
    <Section id={id} title="Fix these first" lead={rows.length ? 'The lowest-scoring stories (larger estimates first among equals), with the most serious finding of each.' : undefined}>
      {rows.length ? (
        <Table testId="fix-first" columns={['Key', { label: 'Score', numeric: true }, 'Story and top finding']}>
          {rows.map((f) => (
            <tr key={f.key} data-key={f.key}>
              <td className="sh-nowrap">{issueKey(f.key)}</td>
              <td className={`sh-num sh-grade-${grade(f.score)}`}>{f.score}</td>
              <td>
                <div className="sh-summary">{summary(f.key)}</div>
                {f.message ? (
                  <div className="sh-subtle sh-finding">
                    {f.ruleId ? <code>{f.ruleId}</code> : null}
                    {` ${f.message}`}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>Every story scores 100: nothing to fix first.</p>
      )}
    </Section>
  );
}

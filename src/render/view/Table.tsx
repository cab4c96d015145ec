/** Tables of the report: column headings (numeric columns right-aligned, `sh-num`) and the table around them. */
import type { ReactNode } from 'react';
import { useTestId } from './surface';

type Column = string | { label: string; numeric: true };

export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className="sh-num">
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/** A report table that scrolls on its own when narrow; `testId` hooks the page's browser tests. */
export function Table({ columns, testId, children }: { columns: readonly Column[]; testId: string; children: ReactNode }) {
  const hook = useTestId();
  return (
    <div className="sh-table-wrap">
      <table className="sh-table" {...hook(testId)}>
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

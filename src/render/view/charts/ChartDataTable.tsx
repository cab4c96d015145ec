/** The visually hidden table every chart carries: its data as text for screen readers and copying. */
import { VISUALLY_HIDDEN } from './theme';

export interface ChartDataTableProps {
  title: string;
  /** Column headings; the first names the row-header column. */
  columns: readonly string[];
  /** One row each: a key, the row header, then the value cells (in `columns` order). */
  rows: readonly { key: string | number; header: string; cells: readonly (string | number)[] }[];
}

export function ChartDataTable({ title, columns, rows }: ChartDataTableProps) {
  return (
    <table style={VISUALLY_HIDDEN}>
      <caption>{title}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.header}</th>
            {r.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** JQL date operands: `2024-03-01`, `2024/03/01 09:15`, periods such as `-5d` or `"-4w 2d"`, `now()`, `startOfDay()`. */
import { JqlError } from './error';

const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };
const DAY_MS = 86_400_000;

function invalid(text: string, field: string): JqlError {
  return new JqlError(
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

/** Milliseconds since the epoch (UTC: the emulator has no user time zones). */
export function parseJqlDate(text: string, field: string, now: number): number {
  const trimmed = text.trim();
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(trimmed);
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
    const check = new Date(ms);
    if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) throw invalid(text, field);
    return ms;
  }
  const period = /^([+-]?)((?:\d+[wdhm]\s*)+)$/.exec(trimmed);
  if (period) {
    let ms = 0;
    for (const [, n, unit] of (period[2] as string).matchAll(/(\d+)([wdhm])/g)) ms += Number(n) * (UNIT_MS[unit as string] as number);
    return period[1] === '-' ? now - ms : now + ms;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) return Date.parse(trimmed);
  throw invalid(text, field);
}

export function dateFunction(name: string, now: number): number | undefined {
  switch (name.toLowerCase()) {
    case 'now':
      return now;
    case 'startofday':
      return Math.floor(now / DAY_MS) * DAY_MS;
    case 'endofday':
      return Math.floor(now / DAY_MS) * DAY_MS + DAY_MS - 1;
    default:
      return undefined;
  }
}

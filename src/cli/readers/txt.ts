/**
 * `.txt`: one story sentence per line. Blank lines and `#` comments are skipped.
 * Key `<file basename>:<line>`, `source: 'line'`.
 */
import { baseName, emptyResult, type ReadResult } from './types';

export function readTxt(text: string, file: string): ReadResult {
  const result = emptyResult();
  const name = baseName(file);
  // A BOM is not part of the first line; skip it but keep offsets counting from the file's text.
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = text.slice(offset).split(/\r\n|\r|\n/);
  // Lengths of the terminators, so offsets stay exact for files with mixed line endings.
  const terminators = text.slice(offset).match(/\r\n|\r|\n/g) ?? [];
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const summary = raw.trim();
    if (summary && !summary.startsWith('#')) {
      result.stories.push({ key: `${name}:${lineNo}`, summary, source: 'line' });
      const column = raw.length - raw.trimStart().length;
      result.locations.push({ file, line: lineNo, summaryOffset: offset + column, summaryColumn: column });
    }
    offset += raw.length + (terminators[i]?.length ?? 0);
  });
  return result;
}

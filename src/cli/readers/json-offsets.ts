/**
 * Where things are in a JSON file, for error messages with line numbers: the first syntax error (by
 * the same strict rules as JSON.parse, whose messages give a position for some errors only) and
 * where each issue of the list starts. Both come from jsonc-parser, which reports offsets; a file
 * nested too deeply for its recursive parser just gets no line numbers.
 */
import { findNodeAtLocation, parseTree, visit, type ParseOptions } from 'jsonc-parser';
import { lineAt, lineStartsOf } from './types';

/** Plain JSON: no comments, no trailing commas, no empty file (jsonc-parser allows them by default). */
const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

class FirstError {
  constructor(readonly offset: number) {}
}

/** Offset of the first syntax error in `text`; undefined when it is valid JSON. */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  try {
    visit(
      text,
      {
        onError: (_error, offset) => {
          throw new FirstError(offset);
        },
      },
      STRICT,
    );
    return undefined;
  } catch (error) {
    if (error instanceof FirstError) return Math.min(error.offset, text.length);
    return undefined; // nested too deeply to walk: no position
  }
}

/** 1-based line of a JSON syntax error in `text`. */
export function jsonErrorLine(text: string): number | undefined {
  const offset = jsonSyntaxErrorOffset(text);
  return offset === undefined ? undefined : lineAt(lineStartsOf(text), offset);
}

/**
 * Offsets where the elements of the issue list start: the top-level array, or the array under the
 * top-level key "issues". Only called on text that JSON.parse accepted.
 */
export function elementOffsets(text: string): number[] {
  try {
    const root = parseTree(text, [], STRICT);
    const list = root?.type === 'array' ? root : root ? findNodeAtLocation(root, ['issues']) : undefined;
    return list?.type === 'array' ? (list.children ?? []).map((n) => n.offset) : [];
  } catch {
    return []; // nested too deeply to walk: no line numbers
  }
}

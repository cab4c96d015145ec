/** The output formats, by the name `--format` takes. */
import type { Formatter } from './common';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';

export type { FormatOptions, Formatter } from './common';
export { formatJson, formatMarkdown, formatSarif, formatText };

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type FormatName = (typeof FORMATS)[number];

export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
};

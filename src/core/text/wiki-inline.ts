/** Jira wiki markup inside one line: links, mentions, images, macros, `{{mono}}`, emphasis, entities. */
import { decodeEntities } from './entities';
import { stripEmphasis } from './emphasis';

const LINE_BREAK = /\\\\/g;
const MONO = /\{\{|\}\}/g;
const MACRO =
  /\{(?:quote|panel|color|anchor|toc|info|note|tip|warning|expand|section|column|status|excerpt|div|span|html|code|noformat)(?::[^{}\n]{0,500})?\}/gi;
/** Brackets cannot nest, so each `[` is scanned at most up to the next bracket: linear. */
const BRACKETS = /\[([^[\]\n]{1,1000})\]/g;
const IMAGE = /!([^\s!|][^!\n|]{0,500})(?:\|[^!\n]{0,500})?!/g;
const IMAGE_FILE = /(?:\.(?:png|jpe?g|gif|bmp|svg|webp|tiff?|ico)$|^https?:)/i;
const URLISH = /^(?:[a-z][a-z0-9+.-]{1,20}:|www\.|#|\^)/i;

/** `[~accountid:…]` → "@user" (the id says nothing), `[~jsmith]` → "@jsmith". */
function mention(name: string): string {
  return /^accountid:/i.test(name) ? '@user' : `@${name.trim()}`;
}

function bracket(match: string, inner: string): string {
  if (inner.charCodeAt(0) === 126 /* ~ */) return mention(inner.slice(1));
  const bar = inner.indexOf('|');
  if (bar >= 0) {
    const label = inner.slice(0, bar).trim();
    if (label !== '') return label;
    const target = inner.slice(bar + 1);
    const end = target.indexOf('|');
    return end >= 0 ? target.slice(0, end) : target;
  }
  if (URLISH.test(inner)) return inner.replace(/^[#^]/, '');
  return match; // plain brackets such as "[WIP]" or a checkbox "[ ]"
}

function image(match: string, file: string): string {
  return IMAGE_FILE.test(file) ? '' : match;
}

export function wikiInline(line: string): string {
  let s = line;
  if (s.indexOf('\\\\') >= 0) s = s.replace(LINE_BREAK, '\n');
  if (s.indexOf('{') >= 0) s = s.replace(MONO, '').replace(MACRO, '');
  if (s.indexOf('[') >= 0) s = s.replace(BRACKETS, bracket);
  if (s.indexOf('!') >= 0) s = s.replace(IMAGE, image);
  s = stripEmphasis(s, '*_-+^~', '^~');
  return decodeEntities(s);
}

/** Markdown inside one line: links, images, autolinks, inline HTML, code spans, emphasis, escapes. */
import { decodeEntities } from './entities';
import { stripEmphasis } from './emphasis';

const AUTOLINK = /<((?:https?|mailto|ftp):[^<>\s]{1,2000})>/gi;
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]{0,20})(?:\s[^<>\n]{0,500})?\/?>/g;
/** `[text](url "title")` and `![alt](src)`; link text cannot contain brackets, so the scan is linear. */
const LINK = /!?\[([^[\]\n]{0,1000})\]\([^()\s]{0,2000}(?:[ \t]+"[^"\n]{0,500}")?\)/g;
const REF_LINK = /\[([^[\]\n]{1,1000})\]\[[^[\]\n]{0,200}\]/g;
const BACKTICKS = /`+/g;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

function tag(_match: string, name: string): string {
  return name.toLowerCase() === 'br' ? '\n' : '';
}

export function markdownInline(line: string): string {
  let s = line;
  if (s.indexOf('<') >= 0) s = s.replace(AUTOLINK, '$1').replace(TAG, tag);
  if (s.indexOf('[') >= 0) s = s.replace(LINK, '$1').replace(REF_LINK, '$1');
  s = stripEmphasis(s, '*_~');
  if (s.indexOf('`') >= 0) s = s.replace(BACKTICKS, '');
  if (s.indexOf('\\') >= 0) s = s.replace(ESCAPE, '$1');
  return decodeEntities(s);
}

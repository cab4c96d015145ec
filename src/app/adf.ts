/** Plain text -> Atlassian Document Format, one paragraph per line (what Apply writes). */
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: unknown[];
}

export function textToAdf(text: string): AdfDoc {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return {
    type: 'doc',
    version: 1,
    content: lines.map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph', content: [] })),
  };
}

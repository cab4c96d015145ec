import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { jsonErrorLine, jsonSyntaxErrorOffset } from '../../src/cli/readers/json';
import { guessTextFormat } from '../../src/cli/readers/types';
import { issueToStory } from '../../src/jira/mapping';
import {
  decode,
  readCsv,
  readerFor,
  readJson,
  readJsonl,
  readStoryFile,
  readTxt,
  SUPPORTED_EXTENSIONS,
} from '../../src/cli/readers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');
const fixture = (name: string): string => path.join(FIXTURES, name);
const text = (name: string): string => readFileSync(fixture(name), 'utf8');

describe('txt reader', () => {
  const result = readTxt(text('stories.txt'), 'backlog/stories.txt');

  it('reads one story per line, skipping blank lines and # comments', () => {
    expect(result.errors).toEqual([]);
    expect(result.stories.map((s) => s.key)).toEqual(['stories.txt:2', 'stories.txt:4', 'stories.txt:7']);
    expect(result.stories.every((s) => s.source === 'line')).toBe(true);
  });

  it('trims the summary and records where it starts', () => {
    expect(result.stories[1]?.summary).toBe('As a group leader, I want to share a checklist with my group');
    expect(result.locations[1]).toMatchObject({ file: 'backlog/stories.txt', line: 4, summaryColumn: 3 });
    const raw = text('stories.txt');
    const loc = result.locations[1];
    expect(raw.slice(loc?.summaryOffset, (loc?.summaryOffset ?? 0) + 10)).toBe('As a group');
  });

  it('handles CRLF, lone CR and a BOM', () => {
    const r = readTxt('\uFEFFfirst story\r\n\r\n# note\rsecond story\rthird story', 'x.txt');
    expect(r.stories.map((s) => [s.key, s.summary])).toEqual([
      ['x.txt:1', 'first story'],
      ['x.txt:4', 'second story'],
      ['x.txt:5', 'third story'],
    ]);
    const src = '\uFEFFfirst story\r\n\r\n# note\rsecond story\rthird story';
    expect(src.slice(r.locations[1]?.summaryOffset)).toMatch(/^second story/);
  });

  it('returns nothing (and no error) for an empty file', () => {
    expect(readTxt('', 'empty.txt')).toEqual({ stories: [], errors: [], locations: [] });
  });
});

describe('csv reader: Jira export', () => {
  const result = readCsv(text('jira-export.csv'), 'jira-export.csv');
  const byKey = new Map(result.stories.map((s) => [s.key, s]));

  it('reads every row with a summary and reports the one without, by line', () => {
    expect(result.stories.map((s) => s.key)).toEqual(['GRDN-101', 'GRDN-102', 'GRDN-103', 'GRDN-105']);
    expect(result.errors).toEqual([{ file: 'jira-export.csv', line: 11, message: expect.stringMatching(/missing summary/) }]);
  });

  it('knows the line each row starts on, across multi-line quoted fields', () => {
    expect(result.locations.map((l) => l.line)).toEqual([2, 9, 10, 12]);
  });

  it('strips the BOM and maps columns case-insensitively', () => {
    const s = byKey.get('GRDN-101');
    expect(s).toMatchObject({
      summary: 'As a gardener, I want to log each watering so that I can see which beds are neglected',
      issueType: 'Story',
      status: 'To Do',
      storyPoints: 3,
      acceptanceCriteria: 'Given a bed, when I tap Water, then today is recorded',
      parent: 'GRDN-100',
      source: 'issue',
      descriptionFormat: 'wiki',
    });
    expect(String(s?.description)).toContain('See the "watering" wiki page.');
    expect(String(s?.description)).toContain('\n* log the bed\n');
  });

  it('collects the repeated Labels columns', () => {
    expect(byKey.get('GRDN-101')?.labels).toEqual(['mobile', 'garden-log']);
    expect(byKey.get('GRDN-103')?.labels).toEqual(['tech-debt']);
    expect(byKey.get('GRDN-105')?.labels).toEqual(['admin']);
  });

  it('reads issue links with type from the parentheses and direction from the prefix', () => {
    expect(byKey.get('GRDN-101')?.links).toEqual([
      { type: 'Blocks', direction: 'inward', key: 'GRDN-90' },
      { type: 'Blocks', direction: 'outward', key: 'GRDN-102' },
      { type: 'Blocks', direction: 'outward', key: 'GRDN-103' },
      { type: 'Relates', direction: 'inward', key: 'GRDN-77' },
    ]);
    expect(byKey.get('GRDN-105')?.links).toEqual([]);
  });

  it('reads an empty story-points cell as null', () => {
    expect(byKey.get('GRDN-102')?.storyPoints).toBeNull();
    expect(byKey.get('GRDN-105')?.storyPoints).toBe(8);
  });

  it('leaves the description format to the engine when it is plainly HTML', () => {
    expect(byKey.get('GRDN-103')?.descriptionFormat).toBeUndefined();
    expect(byKey.get('GRDN-103')?.description).toBe('<p>The v3 endpoint is <b>deprecated</b>.</p>');
  });

  it('keeps escaped quotes in quoted fields', () => {
    expect(byKey.get('GRDN-105')?.summary).toBe('As a "community plot" admin, I want to assign beds to members');
  });
});

describe('csv reader: other shapes', () => {
  it('reads a plain lower-case CSV and leaves storyPoints undefined when there is no column', () => {
    const r = readCsv('key,summary,description\nA-1,As a user I want x,some text\n', 'plain.csv');
    expect(r.errors).toEqual([]);
    expect(r.stories).toEqual([
      { key: 'A-1', summary: 'As a user I want x', description: 'some text', descriptionFormat: 'wiki', source: 'issue' },
    ]);
    expect(r.stories[0]).not.toHaveProperty('storyPoints');
  });

  it('reads the public issuekey,title,storypoint layout', () => {
    const r = readCsv(text('tawos-style.csv'), 'tawos-style.csv');
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => [s.key, s.summary, s.storyPoints])).toEqual([
      ['BIRD-11', 'Export sightings as CSV', 3],
      ['BIRD-12', 'Photo upload fails for HEIC images', 2],
      ['BIRD-13', 'Map clustering for dense areas', 8],
    ]);
    expect(r.stories[2]).not.toHaveProperty('description');
  });

  it('falls back to <file>:<line> keys when there is no key column', () => {
    const r = readCsv('Summary\nfirst\n\nsecond\n', 'dir/k.csv');
    expect(r.stories.map((s) => s.key)).toEqual(['k.csv:2', 'k.csv:4']);
  });

  it('requires a header with a summary column', () => {
    expect(readCsv('', 'e.csv').errors).toEqual([{ file: 'e.csv', message: expect.stringMatching(/header row is required/) }]);
    expect(readCsv('a,b\n1,2\n', 'h.csv')).toMatchObject({
      stories: [],
      errors: [{ file: 'h.csv', line: 1, message: expect.stringMatching(/no Summary/) }],
    });
  });

  it('reports a story-points cell that is not a number, and still reads the row', () => {
    const r = readCsv('key,summary,story points\nA-1,x,lots\nA-2,y,"2,5"\n', 'p.csv');
    expect(r.stories.map((s) => s.storyPoints)).toEqual([null, 2.5]);
    expect(r.errors).toEqual([{ file: 'p.csv', line: 2, message: expect.stringMatching(/not a number/) }]);
  });

  it('reads the parent\'s title from a "Parent summary" column (and a parent type), only beside a parent', () => {
    const r = readCsv('Issue key,Summary,Parent,Parent summary,Parent type\nA-2,As a rider I want x,A-1,Dock map,Epic\nA-3,As a rider I want y,,Dock map,Epic\n', 'parents.csv');
    expect(r.errors).toEqual([]);
    expect(r.stories[0]).toMatchObject({ parent: 'A-1', parentSummary: 'Dock map', parentType: 'Epic' });
    expect(r.stories[1]).not.toHaveProperty('parentSummary');
  });

  it('accepts trailing empty cells and skips rows of empty cells', () => {
    const r = readCsv('key,summary\nA-1,x,,\n,\n', 't.csv');
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => s.key)).toEqual(['A-1']);
  });
});

describe('csv reader: error recovery', () => {
  it('reports an unclosed quote in the middle and reads every other row', () => {
    const r = readCsv(text('broken.csv'), 'broken.csv');
    expect(r.stories.map((s) => s.key)).toEqual(['LIB-1', 'LIB-3', 'LIB-4', 'LIB-6']);
    expect(r.stories.find((s) => s.key === 'LIB-3')?.summary).toBe('As a reader, I want to reserve a book that is on loan');
    expect(r.errors).toEqual([
      { file: 'broken.csv', line: 3, message: expect.stringMatching(/malformed CSV.*quote/) },
      { file: 'broken.csv', line: 6, message: expect.stringMatching(/expected 5 columns, found 2/) },
    ]);
    expect(r.locations.map((l) => l.line)).toEqual([2, 4, 5, 7]);
  });

  it('recovers from a quote that is never closed before the end of the file', () => {
    const csv = 'key,summary\r\nA-1,first\r\nA-2,"second\r\nA-3,third\r\nA-4,fourth\r\n';
    const r = readCsv(csv, 'eof.csv');
    expect(r.stories.map((s) => s.key)).toEqual(['A-1', 'A-3', 'A-4']);
    expect(r.errors).toEqual([{ file: 'eof.csv', line: 3, message: expect.stringMatching(/unclosed quote/) }]);
  });

  it('reports the debris of a broken multi-line row once', () => {
    const csv = 'key,summary,description\nA-1,s1,"line one\nline "two" here\nline three",x\nA-2,s2,d2\n';
    const r = readCsv(csv, 'debris.csv');
    expect(r.stories.map((s) => s.key)).toEqual(['A-2']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/lines 2-4 skipped/) });
  });

  it('reports a broken header and reads nothing', () => {
    const r = readCsv('"key,summary\nA-1,x\n', 'bad-header.csv');
    expect(r.stories).toEqual([]);
    expect(r.errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/header row could not be read/) });
  });

  it('gives the same result whatever the parse window, across multi-line rows and errors', () => {
    for (const name of ['jira-export.csv', 'broken.csv', 'tawos-style.csv']) {
      const whole = readCsv(text(name), name);
      for (const windowChars of [1, 7, 40, 300]) expect(readCsv(text(name), name, { windowChars })).toEqual(whole);
    }
  });

  it('round-trips any well-formed CSV, and skips exactly the rows with a broken quote', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é') });
    const row = fc.tuple(fc.stringMatching(/^[A-Z]{1,3}-[1-9][0-9]{0,2}$/), cell.filter((c) => c.trim() !== ''), cell);
    const quote = (v: string): string => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 60 }), (rows, pick, breakOne, windowChars) => {
        const lines = rows.map(([k, s, d]) => [k, quote(s), quote(d)].join(','));
        const broken = breakOne && rows.length > 0 ? pick % rows.length : -1;
        // A row whose summary opens a quote that never closes on its line.
        if (broken >= 0) lines[broken] = `${rows[broken]?.[0]},"unterminated x,tail`;
        const csv = ['key,summary,description', ...lines].join('\n') + '\n';
        const r = readCsv(csv, 'p.csv', { windowChars });
        expect(r).toEqual(readCsv(csv, 'p.csv'));
        if (broken < 0) {
          expect(r.errors).toEqual([]);
          expect(r.stories.map((st) => [st.key, st.summary, st.description ?? ''])).toEqual(
            rows.map(([k, s, d]) => [k, s.trim().replace(/\r\n/g, '\n'), d.trim() === '' ? '' : d.replace(/\r\n/g, '\n')]),
          );
        } else {
          // The broken row is reported; rows before it are all read.
          expect(r.errors.length).toBeGreaterThanOrEqual(1);
          expect(r.stories.slice(0, broken).map((st) => st.key)).toEqual(rows.slice(0, broken).map(([k]) => k));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever the input', () => {
    const inputs = ['"', '""""', ',,,\n"a', 'summary\n"a""b', 'summary\n\u0000\n"', 'a,"b\n"c,d"e\n', '\n\n\n'];
    for (const input of inputs) expect(() => readCsv(input, 'fuzz.csv')).not.toThrow();
  });
});

describe('json reader', () => {
  describe('Jira REST search response', () => {
    const r = readJson(text('search-response.json'), 'search-response.json');
    const byKey = new Map(r.stories.map((s) => [s.key, s]));

    it('reads every valid issue and names the invalid one by index and line', () => {
      expect(r.stories.map((s) => s.key)).toEqual(['TRAIL-7', 'TRAIL-9', 'TRAIL-10']);
      expect(r.errors).toEqual([
        { file: 'search-response.json', line: 48, message: expect.stringMatching(/^issues\[1\]: fields\.summary: /) },
      ]);
      expect(r.locations.map((l) => l.line)).toEqual([15, 56, 70]);
    });

    it('keeps ADF descriptions as objects', () => {
      const s = byKey.get('TRAIL-7');
      expect(s?.descriptionFormat).toBe('adf');
      expect(s?.description).toMatchObject({ type: 'doc', version: 1 });
    });

    it('finds story points through the names map, skipping an empty field', () => {
      expect(byKey.get('TRAIL-7')?.storyPoints).toBe(5);
      expect(byKey.get('TRAIL-9')?.storyPoints).toBe(3);
      expect(byKey.get('TRAIL-10')?.storyPoints).toBeNull();
    });

    it('reads acceptance criteria, parent or epic link, status, type and labels', () => {
      expect(byKey.get('TRAIL-7')).toMatchObject({
        acceptanceCriteria: 'Given no signal, when I open a saved trail, then the map renders',
        parent: 'TRAIL-1',
        status: 'To Do',
        issueType: 'Story',
        labels: ['offline', 'maps'],
        source: 'issue',
      });
      expect(byKey.get('TRAIL-9')).toMatchObject({ parent: 'TRAIL-2', descriptionFormat: 'wiki', labels: [] });
    });

    it('turns inwardIssue into an inward link (this issue is blocked by it) and outwardIssue into outward', () => {
      expect(byKey.get('TRAIL-7')?.links).toEqual([
        { type: 'Blocks', direction: 'inward', key: 'TRAIL-3' },
        { type: 'Blocks', direction: 'outward', key: 'TRAIL-9' },
      ]);
    });
  });

  describe('array of simple issues', () => {
    const r = readJson(text('issues.json'), 'data/issues.json');

    it('reads the valid items and names the invalid one', () => {
      expect(r.stories.map((s) => s.key)).toEqual(['SHOP-1', 'issues.json#3', 'SHOP-4']);
      expect(r.errors).toEqual([{ file: 'data/issues.json', line: 12, message: expect.stringMatching(/^item \[1\]: links\.0\.direction/) }]);
    });

    it('maps the fields and defaults missing story points to null', () => {
      expect(r.stories[0]).toMatchObject({
        storyPoints: 3,
        issueType: 'Story',
        labels: ['wishlist'],
        links: [{ type: 'Blocks', direction: 'outward', key: 'SHOP-2' }],
        acceptanceCriteria: expect.stringContaining('wish list'),
      });
      // Markdown is not wiki markup: the engine detects it.
      expect(r.stories[0]?.descriptionFormat).toBeUndefined();
      expect(r.stories[1]?.storyPoints).toBeNull();
      expect(r.stories[2]?.storyPoints).toBeNull();
    });
  });

  it('reads what a simple issue says of its parent, only beside a parent', () => {
    const r = readJson(JSON.stringify([{ key: 'A-2', summary: 'x', parent: 'A-1', parentSummary: 'Dock map', parentType: 'Epic' }, { key: 'A-3', summary: 'y', parentSummary: 'Dock map' }]), 'p.json');
    expect(r.stories[0]).toMatchObject({ parent: 'A-1', parentSummary: 'Dock map', parentType: 'Epic' });
    expect(r.stories[1]).not.toHaveProperty('parentSummary');
  });

  it('reads a single REST issue with its own names map', () => {
    const issue = {
      key: 'ONE-1',
      names: { customfield_20000: 'Story Points' },
      fields: { summary: 'As a user I want one thing', customfield_20000: 2, customfield_10016: 13 },
    };
    const r = readJson(JSON.stringify(issue), 'one.json');
    expect(r.stories).toEqual([{ key: 'ONE-1', summary: 'As a user I want one thing', storyPoints: 2, source: 'issue' }]);
    expect(r.locations).toEqual([{ file: 'one.json', line: 1 }]);
  });

  it('maps a REST issue with the one Jira mapping: ADF in any shape, the epic link as parent', () => {
    const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'Given a cart, when I pay, then I get a receipt.' }] };
    const issue = { key: 'OLD-3', names: { customfield_10014: 'Epic Link' }, fields: { summary: 'As a buyer I want a receipt', description: paragraph, customfield_10014: 'OLD-1' } };
    const story = readJson(JSON.stringify([issue]), 'old.json').stories[0];
    expect(story).toMatchObject({ parent: 'OLD-1', description: paragraph, descriptionFormat: 'adf' });
    expect(story).toEqual({ ...issueToStory({ id: '', ...issue }, { epicLink: 'customfield_10014' }, { textFormat: guessTextFormat }), storyPoints: null });
  });

  it('finds the line of an error in JSON nested too deeply to walk, or says none, without throwing', () => {
    const deep = `[${'['.repeat(100_000)}1${']'.repeat(99_999)}`;
    expect(() => jsonErrorLine(deep)).not.toThrow();
    expect(readJson(deep, 'deep.json').errors).toHaveLength(1);
  });

  it('falls back to the common story-point field ids without a names map', () => {
    const r = readJson(JSON.stringify([{ key: 'X-1', fields: { summary: 's', customfield_10026: 8 } }]), 'x.json');
    expect(r.stories[0]?.storyPoints).toBe(8);
  });

  it('reports invalid JSON with its line', () => {
    const r = readJson('[\n  {"key": "A-1", "summary": "x"},\n  {"key": \n]\n', 'bad.json');
    expect(r.stories).toEqual([]);
    expect(r.errors).toEqual([{ file: 'bad.json', line: 4, message: "invalid JSON: Unexpected token ']'" }]);
  });

  it('finds the line of a JSON syntax error exactly as JSON.parse judges validity', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(jsonSyntaxErrorOffset(json)).toBeUndefined();
        expect(jsonSyntaxErrorOffset(JSON.stringify(JSON.parse(json), null, 2))).toBeUndefined();
      }),
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', '{', '}', ']', ',', '"', ':', 'x', '\\'), (json, at, junk) => {
        const broken = json.slice(0, at % (json.length + 1)) + junk + json.slice(at % (json.length + 1));
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        expect(jsonSyntaxErrorOffset(broken) === undefined).toBe(valid);
      }),
    );
    expect(jsonErrorLine('{\n  "a": 1,\n  "b": tru\n}')).toBe(3);
  });

  it('reports a JSON value that holds no issues', () => {
    expect(readJson('{"hello": 1}', 'h.json').errors[0]?.message).toMatch(/expected an array of issues/);
    expect(readJson('42', 'n.json').errors).toHaveLength(1);
  });
});

describe('jsonl reader', () => {
  const r = readJsonl(text('issues.jsonl'), 'issues.jsonl');

  it('reads valid lines of either shape', () => {
    expect(r.stories.map((s) => s.key)).toEqual(['PET-1', 'PET-2', 'issues.jsonl:5']);
    expect(r.stories[1]).toMatchObject({ issueType: 'Story', storyPoints: 1, source: 'issue' });
    expect(r.locations.map((l) => l.line)).toEqual([1, 2, 5]);
  });

  it('reports bad lines with their numbers', () => {
    expect(r.errors).toEqual([
      { file: 'issues.jsonl', line: 3, message: expect.stringMatching(/^invalid JSON/) },
      { file: 'issues.jsonl', line: 6, message: expect.stringMatching(/summary/) },
      { file: 'issues.jsonl', line: 7, message: expect.stringMatching(/expected an issue object/) },
    ]);
  });
});

describe('readStoryFile', () => {
  it('picks the reader by extension, case-insensitively', () => {
    expect(readerFor('a.TXT')).toBe(readTxt);
    expect(readerFor('a.csv')).toBe(readCsv);
    expect(readerFor('a.json')).toBe(readJson);
    expect(readerFor('a.jsonl')).toBe(readJsonl);
    expect(readerFor('a.xlsx')).toBeUndefined();
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['.txt', '.csv', '.json', '.jsonl']));
  });

  it('reads a real file', async () => {
    const r = await readStoryFile(fixture('stories.txt'));
    expect(r.stories).toHaveLength(3);
    expect(r.errors).toEqual([]);
  });

  it('names the file for a missing file, a directory, a binary file and an unknown extension', async () => {
    const missing = fixture('nope.txt');
    expect((await readStoryFile(missing)).errors).toEqual([{ file: missing, message: 'no such file' }]);
    expect((await readStoryFile(FIXTURES)).errors).toEqual([{ file: FIXTURES, message: expect.stringMatching(/directory/) }]);
    const binary = fixture('binary.txt');
    expect((await readStoryFile(binary)).errors).toEqual([{ file: binary, message: expect.stringMatching(/binary/) }]);
    const config = fixture('config-valid.json').replace(/\.json$/, '.yaml');
    const unknown = await readStoryFile(config, async () => 'preset: strict');
    expect(unknown.errors).toEqual([{ file: config, message: expect.stringMatching(/unsupported file type "\.yaml"/) }]);
  });

  it('reports an unreadable file', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const r = await readStoryFile('locked.csv', async () => Promise.reject(denied));
    expect(r.errors).toEqual([{ file: 'locked.csv', message: 'permission denied' }]);
  });

  it('decodes UTF-16 with a BOM and rejects NUL bytes otherwise', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('As a user I want tea', 'utf16le')]);
    expect(decode(utf16)).toEqual({ ok: true, text: 'As a user I want tea' });
    expect(decode(Buffer.from([0x61, 0x00, 0x62]))).toMatchObject({ ok: false });
    expect(decode('plain')).toEqual({ ok: true, text: 'plain' });
  });
});

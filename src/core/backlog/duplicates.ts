/**
 * Near-duplicate stories in a backlog, without comparing all pairs.
 *
 * 1. Normalize each text (see `shingles.ts`); texts that normalize to the same string are
 *    exact duplicates (similarity 1) and enter the rest of the pipeline once.
 * 2. Features of a text: its content words plus its 2-word shingles (adjacent content words).
 *    Words keep short texts comparable; shingles make word order and substitutions count:
 *    inserting one word into n content words leaves similarity (n − 1)/(n + 1), replacing one
 *    leaves (n − 2)/(n + 1).
 * 3. MinHash + LSH banding (`lsh.ts`) proposes candidate pairs; each is verified with the exact
 *    Jaccard similarity of the two feature sets and kept when ≥ threshold.
 * 4. A kept pair where one text replaces a word of the other with a word that is not a spelling
 *    of it ("create a zone" / "delete a zone", "2 seconds" / "5 seconds", "As a guest" / "As a
 *    host") is two sibling stories, not a duplicate, however long the rest of the story is:
 *    copying a story and changing a word is how siblings are written. Insertions, deletions,
 *    inflections, typos and reorderings stay duplicates. (See `replacesAWord`.)
 * 5. Union-find joins kept pairs into clusters.
 *
 * Cost: O(total text length + n · MinHash size + candidates), with candidates ≤ n · bands · 8
 * (see `lshCandidates`); memory O(total features + n · bands). 50,000 stories of ~150 characters
 * take about 1 s on one core.
 */
import type { DuplicateCluster } from '../story';
import { replacesWords } from './alignment';
import { hashPair, hashString } from './hash';
import { lshCandidates, lshParams } from './lsh';
import { PairTable } from './pair-table';
import { contentWord, normalizeForMatch } from './shingles';
import { UnionFind } from './union-find';
import { isWordVariant } from './word-variants';
import { isAct } from '../lemma';

/**
 * Default minimum Jaccard similarity (content words + 2-word shingles) for two stories to be
 * near-duplicates. One-line stories have only 6–12 content words once the template is dropped,
 * so one edit moves the score a lot. Measured on example pairs (most are in
 * test/core/backlog/duplicates.test.ts):
 * - same story, other casing/punctuation, "photos" / "a photo": 1;
 * - same story with its summary repeated in front: 0.79;
 * - one extra word: 0.71–0.75 with 6–7 content words, 0.90 with 20;
 * - one meaningful word replaced (role, verb, file format): 0.57–0.81, growing with length, so
 *   no threshold separates it; the replaced-word rule (step 4) does, at any length;
 * - two extra or two different words (8–10 content words): 0.40–0.65;
 * - rephrased, reordered, another tense, same role and object with another goal: 0.24–0.57;
 * - a one-letter typo ("recieve"): 0.57 in a 6-word story (missed: words are compared whole),
 *   0.73 in a 14-word one;
 * - only the template in common: 0.07.
 * 0.7 keeps every one-extra-word pair; 0.8 missed them below ~10 content words; 0.6 would also
 * pair stories with two added words (0.65) and sit just above rephrasings (0.57).
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.7;

/** Words that turn a story into its opposite: "non-loan" (normalized to "non loan"), "not shared", "never". */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'non', 'never', 'without', 'dont', 'cannot', 'cant', 'wont', 'doesnt', 'un']);

/** A story as duplicate detection sees it. */
export interface DuplicateItem {
  key: string;
  /** What is compared: the story's goal, or its summary when it has no story sentence. */
  text: string;
  /** Items with the same exact key (the summary, normalized) are duplicates whatever their texts. */
  exactKey?: string;
  /** A goal: one wholly contained in another goal ("pay for small amounts" in "use the app to pay for small amounts") is a duplicate of it. */
  containable?: boolean;
}

/** A story's near-duplicates: the items it was paired with directly (not through a chain), and the closest similarity. */
export interface Partners {
  others: number[];
  similarity: number;
}

export interface DuplicateOptions {
  /** Minimum Jaccard similarity, 0..1 (default `DEFAULT_DUPLICATE_THRESHOLD`). Below 0.05 is treated as 0.05. */
  threshold?: number;
}

interface Prepared {
  /** Item indices of each distinct normalized text, in input order. */
  groups: number[][];
  /** Sorted feature ids of each group (CSR): word w → 2w, bigram g → 2g + 1. */
  offsets: Int32Array;
  ids: Int32Array;
  hashes: Uint32Array;
  /** The meaning of each content word id ("get" for "receive"), and the first spelling seen of it ("receive"), for typos. */
  words: string[];
  spellings: string[];
  /** 1 + the largest feature id. */
  featureCount: number;
  /** Content word ids of each group in text order (CSR), for telling substitutions from insertions. */
  tokenOffsets: Int32Array;
  tokens: Int32Array;
  /** Groups whose items share an exact key (the same summary) though their texts differ. */
  exactPairs: [number, number][];
  /** Groups that are goals (see `DuplicateItem.containable`). */
  containable: Uint8Array;
}

/** Near-duplicate clusters of `items` (see the module comment). */
export function findDuplicates(items: DuplicateItem[], opts: DuplicateOptions = {}): DuplicateCluster[] {
  return duplicateGroups(items, opts).clusters;
}

/**
 * Clusters, and for each item the items it is a duplicate of directly: in a cluster joined through
 * a generic story ("upload files" with "… using the web interface" and "… using a network drive"),
 * the two variants are each a duplicate of the generic one, not of each other.
 */
export function duplicateGroups(items: DuplicateItem[], opts: DuplicateOptions = {}): { clusters: DuplicateCluster[]; partners: Map<number, Partners> } {
  const threshold = resolveThreshold(opts.threshold);
  const prepared = prepare(items);
  const { groups, offsets, ids } = prepared;
  const uf = new UnionFind(groups.length);
  const best = new Float64Array(groups.length);
  for (let g = 0; g < groups.length; g++) if (groups[g]!.length > 1) best[g] = 1;
  const pairs: { a: number; b: number; similarity: number }[] = [];
  const keep = (a: number, b: number, similarity: number) => {
    pairs.push({ a, b, similarity });
    const ra = uf.find(a);
    const rb = uf.find(b);
    const root = uf.union(ra, rb);
    best[root] = Math.max(best[ra]!, best[rb]!, similarity);
  };

  // Candidates arrive grouped by their later set b: mark b's features once, then count a's marked ones.
  const mark = new Int32Array(prepared.featureCount);
  let marked = -1;
  const budget = { alignmentCells: MAX_TOTAL_ALIGNMENT_CELLS };
  lshCandidates(prepared, lshParams(threshold), (a, b) => {
    // Jaccard ≤ smaller size / larger size: many unrelated candidates stop here.
    const sizeA = offsets[a + 1]! - offsets[a]!;
    const sizeB = offsets[b + 1]! - offsets[b]!;
    if ((sizeA < sizeB ? sizeA : sizeB) < threshold * (sizeA < sizeB ? sizeB : sizeA)) return;
    if (marked !== b) {
      marked = b;
      for (let f = offsets[b]!; f < offsets[b + 1]!; f++) mark[ids[f]!] = b + 1;
    }
    let inter = 0;
    for (let f = offsets[a]!; f < offsets[a + 1]!; f++) if (mark[ids[f]!] === b + 1) inter++;
    const sim = inter / (sizeA + sizeB - inter);
    if (sim < threshold) return;
    // Kept pairs are few (most candidates stop above), so this slower check runs rarely.
    if (sim < 1 && (replacesAWord(prepared, a, b, budget) || addsNegation(prepared, a, b))) return;
    keep(a, b, sim);
  });
  for (const [a, b] of sameWords(prepared)) keep(a, b, jaccard(ids, offsets, a, b));
  for (const [a, b] of prepared.exactPairs) keep(a, b, 1);
  for (const [small, large] of containedPairs(prepared)) keep(small, large, wordJaccard(prepared, small, large));

  const clusters = new Map<number, { indices: number[]; similarity: number }>();
  for (let g = 0; g < groups.length; g++) {
    const root = uf.find(g);
    let cluster = clusters.get(root);
    if (cluster === undefined) {
      cluster = { indices: [], similarity: best[root]! };
      clusters.set(root, cluster);
    }
    for (const i of groups[g]!) cluster.indices.push(i);
  }
  const out: { first: number; cluster: DuplicateCluster }[] = [];
  for (const { indices, similarity } of clusters.values()) {
    if (indices.length < 2) continue;
    indices.sort((x, y) => x - y);
    out.push({ first: indices[0]!, cluster: { keys: indices.map((i) => items[i]!.key), similarity } });
  }
  out.sort((x, y) => x.first - y.first);
  return { clusters: out.map((o) => o.cluster), partners: partnersOf(groups, pairs) };
}

/** Partners listed per item at most (the duplicate finding names them; the cluster keeps its full size). */
export const MAX_PARTNERS = 20;

/**
 * Each item's direct partners: the other items of its exact group, and the items of every group it
 * was paired with, at most MAX_PARTNERS (lowest indexes first). Linear in the items times that cap,
 * so a thousand identical stories cost a thousand short lists, not a million pairs.
 */
function partnersOf(groups: readonly number[][], pairs: readonly { a: number; b: number; similarity: number }[]): Map<number, Partners> {
  const paired = new Map<number, Map<number, number>>();
  const link = (a: number, b: number, similarity: number) => {
    let m = paired.get(a);
    if (!m) paired.set(a, (m = new Map()));
    m.set(b, Math.max(m.get(b) ?? 0, similarity));
  };
  for (const { a, b, similarity } of pairs) {
    if (a === b) continue;
    link(a, b, similarity);
    link(b, a, similarity);
  }
  const out = new Map<number, Partners>();
  for (let g = 0; g < groups.length; g++) {
    const members = groups[g]!;
    const others = paired.get(g);
    if (members.length < 2 && !others) continue;
    let similarity = members.length > 1 ? 1 : 0;
    const pool: number[] = [];
    for (const j of members.slice(0, MAX_PARTNERS + 1)) pool.push(j);
    if (others) {
      for (const [h, sim] of others) {
        if (sim > similarity) similarity = sim;
        for (const j of groups[h]!.slice(0, MAX_PARTNERS)) pool.push(j);
      }
    }
    pool.sort((x, y) => x - y);
    for (const i of members) {
      const list: number[] = [];
      for (const j of pool) {
        if (j === i || (list.length && list[list.length - 1] === j)) continue;
        list.push(j);
        if (list.length === MAX_PARTNERS) break;
      }
      if (list.length) out.set(i, { others: list, similarity });
    }
  }
  return out;
}

/**
 * The similarity `findDuplicates` computes for two texts: Jaccard similarity of their content
 * words and 2-word shingles; 1 when they are equal after normalization, 0 when either is empty.
 * (The replaced-word rule of `findDuplicates` is not applied here.)
 */
export function duplicateSimilarity(a: string, b: string): number {
  const p = prepare([
    { key: 'a', text: a },
    { key: 'b', text: b },
  ]);
  if (p.groups.length === 1) return p.groups[0]!.length === 2 ? 1 : 0;
  return p.groups.length === 2 ? jaccard(p.ids, p.offsets, 0, 1) : 0;
}

function resolveThreshold(t: number | undefined): number {
  if (t === undefined || !Number.isFinite(t)) return DEFAULT_DUPLICATE_THRESHOLD;
  return Math.min(1, Math.max(0.05, t));
}

function prepare(items: DuplicateItem[]): Prepared {
  // Exact duplicates after normalization.
  const groupOf = new Map<string, number>();
  const groups: number[][] = [];
  const texts: string[] = [];
  const containableList: boolean[] = [];
  const exactGroup = new Map<string, number>();
  const exactPairs: [number, number][] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const text = item.text;
    const norm = typeof text === 'string' ? normalizeForMatch(text) : '';
    if (norm === '') continue;
    let g = groupOf.get(norm);
    if (g === undefined) {
      g = groups.length;
      groupOf.set(norm, g);
      groups.push([i]);
      texts.push(norm);
      containableList.push(item.containable === true);
    } else {
      groups[g]!.push(i);
    }
    const exact = typeof item.exactKey === 'string' ? normalizeForMatch(item.exactKey) : '';
    if (exact) {
      const other = exactGroup.get(exact);
      if (other === undefined) exactGroup.set(exact, g);
      else if (other !== g) exactPairs.push([other, g]);
    }
  }

  // Words → content word ids (-1: template or function word), computed once per distinct word.
  const contentIdOf = new Map<string, number>();
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const spellings: string[] = [];
  let wordHashes = new Uint32Array(1024);
  const bigrams = new PairTable(Math.max(1024, texts.length * 8));
  let bigramHashes = new Uint32Array(1024);
  const offsets = new Int32Array(groups.length + 1);
  let ids = new Int32Array(Math.max(1024, texts.length * 32));
  let hashes = new Uint32Array(ids.length);
  let total = 0;
  const tokenOffsets = new Int32Array(groups.length + 1);
  let tokens = new Int32Array(Math.max(1024, texts.length * 16));
  let tokenTotal = 0;
  let scratch = new Int32Array(256);
  for (let g = 0; g < texts.length; g++) {
    const raw = texts[g]!.split(' ');
    if (scratch.length < 2 * raw.length) scratch = new Int32Array(4 * raw.length);
    let n = 0;
    let last = -1;
    for (const w of raw) {
      let id = contentIdOf.get(w);
      if (id === undefined) {
        const word = contentWord(w);
        if (word === null) id = -1;
        else {
          id = wordIds.get(word);
          if (id === undefined) {
            id = words.length;
            wordIds.set(word, id);
            words.push(word);
            spellings.push(w);
            if (id >= wordHashes.length) wordHashes = grow(wordHashes, id + 1);
            wordHashes[id] = hashString(word);
          }
        }
        contentIdOf.set(w, id);
      }
      if (id < 0) continue;
      if (tokenTotal === tokens.length) tokens = grow(tokens, tokenTotal + 1);
      tokens[tokenTotal++] = id;
      scratch[n++] = 2 * id; // word feature
      if (last >= 0) {
        const before = bigrams.size;
        const b = bigrams.id(last, id);
        if (bigrams.size > before) {
          if (b >= bigramHashes.length) bigramHashes = grow(bigramHashes, b + 1);
          bigramHashes[b] = hashPair(wordHashes[last]!, wordHashes[id]!);
        }
        scratch[n++] = 2 * b + 1; // shingle feature
      }
      last = id;
    }
    const feats = scratch.subarray(0, n).sort();
    if (total + n > ids.length) {
      ids = grow(ids, total + n);
      hashes = grow(hashes, total + n);
    }
    for (let j = 0; j < n; j++) {
      const f = feats[j]!;
      if (j > 0 && f === feats[j - 1]) continue;
      ids[total] = f;
      hashes[total] = (f & 1) === 0 ? wordHashes[f >>> 1]! : bigramHashes[f >>> 1]!;
      total++;
    }
    offsets[g + 1] = total;
    tokenOffsets[g + 1] = tokenTotal;
  }
  return {
    groups,
    offsets,
    ids: ids.subarray(0, total),
    tokenOffsets,
    tokens: tokens.subarray(0, tokenTotal),
    hashes: hashes.subarray(0, total),
    words,
    spellings,
    featureCount: 2 * Math.max(words.length, bigrams.size) + 2,
    exactPairs,
    containable: Uint8Array.from(containableList, (c) => (c ? 1 : 0)),
  };
}

/** The sorted content word ids of group `g` (its even feature ids, halved). */
function wordsOf(p: Prepared, g: number): number[] {
  const out: number[] = [];
  for (let f = p.offsets[g]!; f < p.offsets[g + 1]!; f++) if ((p.ids[f]! & 1) === 0) out.push(p.ids[f]! >>> 1);
  return out;
}

/** Jaccard similarity of two groups' content words (no shingles). */
function wordJaccard(p: Prepared, a: number, b: number): number {
  const wa = wordsOf(p, a);
  const wb = new Set(wordsOf(p, b));
  const inter = wa.filter((w) => wb.has(w)).length;
  return inter / (wa.length + wb.size - inter);
}

/** A goal must have this many content words to be found inside another ("pay for small amounts"). */
const MIN_CONTAINED_WORDS = 3;
/** Groups holding a word that more than this many goals use are not scanned for containment through it. */
const MAX_POSTINGS = 2000;

/**
 * Same content words in another order ("get suggestions for sports classes in my neighbourhood" /
 * "receive suggestions about local sport classes"): pairs of groups with equal word sets of at least
 * MIN_CONTAINED_WORDS words. Linear: groups are keyed by their word set.
 */
function sameWords(p: Prepared): [number, number][] {
  const seen = new Map<string, number>();
  const out: [number, number][] = [];
  for (let g = 0; g < p.groups.length; g++) {
    const w = wordsOf(p, g);
    if (w.length < MIN_CONTAINED_WORDS) continue;
    const key = w.join(',');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, g);
    else out.push([first, g]);
  }
  return out;
}

/**
 * Goals wholly contained in a longer goal ("see a list of all summits" in "see a list of all summits
 * with their dates"), unless the longer one adds a negation ("loan" / "non-loan"). Each goal is looked
 * up through its rarest word's postings, so the cost is the sum of those postings, not n².
 */
function containedPairs(p: Prepared): [number, number][] {
  const postings = new Map<number, number[]>();
  const wordLists: number[][] = [];
  for (let g = 0; g < p.groups.length; g++) {
    const w = p.containable[g] ? wordsOf(p, g) : [];
    wordLists.push(w);
    for (const id of w) {
      const list = postings.get(id);
      if (list) list.push(g);
      else postings.set(id, [g]);
    }
  }
  const out: [number, number][] = [];
  for (let g = 0; g < p.groups.length; g++) {
    const small = wordLists[g]!;
    if (small.length < MIN_CONTAINED_WORDS) continue;
    let rarest = postings.get(small[0]!)!;
    for (const id of small) {
      const list = postings.get(id)!;
      if (list.length < rarest.length) rarest = list;
    }
    if (rarest.length > MAX_POSTINGS) continue;
    for (const h of rarest) {
      const large = wordLists[h]!;
      // At most twice as long, and a three-word goal at most two words longer: "pay for small amounts"
      // in "use the app to pay for small amounts", not "validate data" in any longer story about data.
      if (h === g || large.length <= small.length || large.length > 2 * small.length || (small.length === MIN_CONTAINED_WORDS && large.length > small.length + 2)) continue;
      const set = new Set(large);
      if (!small.every((w) => set.has(w))) continue;
      const own = new Set(small);
      if (large.some((w) => !own.has(w) && NEGATIONS.has(p.words[w]!))) continue;
      if (anotherActFirst(p, g, h)) continue;
      out.push([g, h]);
    }
  }
  return out;
}

/** Acts that only bring in the act after them: "use the app to pay", "have the system send". */
const MEANS: ReadonlySet<string> = new Set(['use', 'have', 'get', 'be', 'able', 'want', 'need', 'like', 'allow', 'let', 'enable', 'help']);

/**
 * The longer goal puts another act before the shorter one's act: "update previously downloaded data
 * packages" is not "download data packages"; "determine how to generate D files" is not "generate D files".
 */
function anotherActFirst(p: Prepared, small: number, large: number): boolean {
  const head = p.tokens[p.tokenOffsets[small]!];
  if (head === undefined || !isAct(p.words[head]!)) return false;
  for (let k = p.tokenOffsets[large]!; k < p.tokenOffsets[large + 1]!; k++) {
    const w = p.tokens[k]!;
    if (w === head) return false;
    if (isAct(p.words[w]!) && !MEANS.has(p.words[w]!)) return true;
  }
  return false;
}

/** One text says "not", "no", "non" or "never" where the other does not: "loan" / "non-loan" records. */
function addsNegation(p: Prepared, a: number, b: number): boolean {
  const wa = new Set(wordsOf(p, a));
  const wb = new Set(wordsOf(p, b));
  const negated = (x: Set<number>, y: Set<number>) => [...x].some((w) => !y.has(w) && NEGATIONS.has(p.words[w]!));
  return negated(wa, wb) || negated(wb, wa);
}

/** A copy of `a` with room for at least `min` elements (capacity doubles). */
function grow<T extends Int32Array | Uint32Array>(a: T, min: number): T {
  let size = a.length * 2;
  while (size < min) size *= 2;
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}

/** Exact Jaccard similarity of two sorted feature sets. */
function jaccard(ids: Int32Array, offsets: Int32Array, a: number, b: number): number {
  let i = offsets[a]!;
  const iEnd = offsets[a + 1]!;
  let j = offsets[b]!;
  const jEnd = offsets[b + 1]!;
  const union0 = iEnd - i + (jEnd - j);
  if (union0 === 0) return 0;
  let inter = 0;
  while (i < iEnd && j < jEnd) {
    const x = ids[i]!;
    const y = ids[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (union0 - inter);
}

/** Above this many alignment cells for one pair (a 200 × 200-word pair), only the neighbour test runs. */
const MAX_ALIGNMENT_CELLS = 40_000;
/**
 * Alignment cells for one whole run (~0.1 s). Only a crowd of thousands of near-identical
 * stories gets near it; past it, later pairs get the neighbour test only.
 */
const MAX_TOTAL_ALIGNMENT_CELLS = 50_000_000;

/**
 * True when one text replaces a word of the other with a word that is not a spelling of it:
 * "create a zone" / "delete a zone", "As a guest" / "As a host", "as a CSV file" / "as a PDF
 * file": same sentence, other meaning. Pure insertions and deletions ("my meal" / "my whole
 * meal"), inflections and one-letter typos are not replacements. A synonym is (we know none).
 *
 * Fast test: a word only in `a` and a word only in `b` between the same neighbours (same
 * content word before, or after; text start and end count). Otherwise the two word sequences
 * are aligned (`replacesWords`), which also catches a replaced word that appears elsewhere in
 * the other text ("As a guest …" / "As a host … so that guests …").
 */
function replacesAWord(p: Prepared, a: number, b: number, budget: { alignmentCells: number }): boolean {
  const { ids, offsets, tokens, tokenOffsets, words } = p;
  // Content words only in a / only in b, from the sorted feature ids (even ids are words).
  const onlyA = new Set<number>();
  const onlyB = new Set<number>();
  let i = offsets[a]!;
  const iEnd = offsets[a + 1]!;
  let j = offsets[b]!;
  const jEnd = offsets[b + 1]!;
  while (i < iEnd || j < jEnd) {
    const x = i < iEnd ? ids[i]! : -1;
    const y = j < jEnd ? ids[j]! : -1;
    if (x === y) {
      i++;
      j++;
    } else if (y === -1 || (x !== -1 && x < y)) {
      if ((x & 1) === 0) onlyA.add(x >>> 1);
      i++;
    } else {
      if ((y & 1) === 0) onlyB.add(y >>> 1);
      j++;
    }
  }
  if (onlyA.size === 0 && onlyB.size === 0) return false; // same words: reordered or repeated

  const variant = (x: number, y: number): boolean => isWordVariant(words[x]!, words[y]!) || isWordVariant(p.spellings[x]!, p.spellings[y]!);
  const seqA = tokens.subarray(tokenOffsets[a]!, tokenOffsets[a + 1]!);
  const seqB = tokens.subarray(tokenOffsets[b]!, tokenOffsets[b + 1]!);
  for (let s = 0; s < seqA.length; s++) {
    const x = seqA[s]!;
    if (!onlyA.has(x)) continue;
    const before = s > 0 ? seqA[s - 1]! : -1;
    const after = s + 1 < seqA.length ? seqA[s + 1]! : -1;
    for (let t = 0; t < seqB.length; t++) {
      const y = seqB[t]!;
      if (!onlyB.has(y)) continue;
      const sameBefore = before === (t > 0 ? seqB[t - 1]! : -1);
      const sameAfter = after === (t + 1 < seqB.length ? seqB[t + 1]! : -1);
      if ((sameBefore || sameAfter) && !variant(x, y)) return true;
    }
  }
  const cells = (seqA.length + 1) * (seqB.length + 1);
  if (cells > MAX_ALIGNMENT_CELLS || cells > budget.alignmentCells) return false;
  budget.alignmentCells -= cells;
  return replacesWords(seqA, seqB, variant);
}

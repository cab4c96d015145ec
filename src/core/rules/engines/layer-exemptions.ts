/**
 * How a layer word is read (horizontal-slice): the thing delivered ("the backend for sign-ups",
 * "backend changes", "… - frontend") or a word inside a name ("server-side encryption", "Firefly
 * backend", "the front end of the hotel app" as a place). The words these look for are in layers.json.
 */
import { normalizePersona } from '../../backlog/personas';
import { isDeveloperRole, isExternalBuilder } from '../../work-kind';
import { regionHas, type Exemption, type Hit } from './exemptions';
import { memoized } from './regions';

const CAPITALIZED = /^\p{Lu}/u;

function textOf(hit: Hit, i: number): string {
  return hit.region.text.slice(hit.region.tokens.starts[i]!, hit.region.tokens.ends[i]!);
}

const TITLE_CASE = Symbol('title case');

/** Most longer words start with a capital ("Create Degraded Mode Back End"): capitals say nothing there. */
function titleCase(hit: Hit): boolean {
  return memoized(hit.region, TITLE_CASE, () => countTitleCase(hit));
}

function countTitleCase(hit: Hit): boolean {
  const { tokens, from, to } = hit.region;
  let long = 0;
  let capital = 0;
  for (let i = from; i < to; i++) {
    if (tokens.words[i]!.length < 4) continue;
    long++;
    if (CAPITALIZED.test(textOf(hit, i))) capital++;
  }
  return long > 0 && capital / long >= 0.6;
}

/**
 * "server-side encryption", "Backend Services", "data model reference page": another noun follows
 * that the layer word only describes. A layerHead ("backend changes") or an "only" soon after
 * ("client-side validation only") makes it the thing delivered again.
 */
export const describesAnotherNoun: Exemption = (hit, { ctx }) => {
  const { tokens, text, to } = hit.region;
  const lex = ctx.lexicons;
  // "backend for …", "server side of …": the phrase itself leads into its object.
  if (lex.stopwords.has(tokens.words[hit.match.last]!)) return false;
  const next = hit.match.last + 1;
  if (next >= to || !/^[\s-]+$/.test(text.slice(tokens.ends[hit.match.last]!, tokens.starts[next]!))) return false;
  const word = tokens.words[next]!;
  if (lex.layerHeads.has(word) || lex.stopwords.has(word) || /^\d/.test(word)) return false;
  return tokens.words[next + 1] !== 'only' && tokens.words[next + 2] !== 'only';
};

/**
 * A layer word standing alone ("Improve the plotting backend", "ArrowDB as a backend") names a
 * component. It is the thing delivered when a layerHead or "only" follows it ("backend changes"),
 * when it is set off as a suffix ("… - backend", "(Frontend)", ": backend"), or when the region
 * builds something ("Create degraded mode back end", "implement the client side").
 */
export const notTheDeliverable: Exemption = (hit, { ctx }) => {
  const { tokens, text, from, to } = hit.region;
  const lex = ctx.lexicons;
  const { first, last } = hit.match;
  for (let i = last + 1; i <= Math.min(to - 1, last + 2); i++) if (lex.layerHeads.has(tokens.words[i]!)) return false;
  if (first > from && /[-–—(:[]\s*$/.test(text.slice(tokens.ends[first - 1]!, tokens.starts[first]!))) return false;
  return !regionHas(hit, lex.buildVerbs, true);
};

/** "with Firefly backend": a capitalized name before the layer word names a component (outside title-case text). */
export const afterComponentName: Exemption = (hit) => {
  const prev = hit.match.first - 1;
  if (prev < hit.region.from || prev === 0) return false;
  const gap = hit.region.text.slice(hit.region.tokens.ends[prev]!, hit.region.tokens.starts[hit.match.first]!);
  return gap === ' ' && CAPITALIZED.test(textOf(hit, prev)) && !titleCase(hit);
};

/** "[Backend] Font warnings when indexing": a component tag on a report, not a slice. */
export const asTag: Exemption = (hit) => hit.region.text[hit.match.start - 1] === '[' && hit.region.text[hit.match.end] === ']';

/** "from the front end of the hotel app", "within the frontend": the place a user acts from. */
export const asPlace: Exemption = (hit, { ctx }) => {
  const words = hit.region.tokens.words;
  let i = hit.match.first - 1;
  if (i >= 0 && ['the', 'our', 'my', 'a', 'its'].includes(words[i]!)) i--;
  return i >= 0 && ctx.lexicons.placeWords.has(words[i]!);
};

/**
 * "UI for Keystore management", "UI for managing users": a UI for what users do is the feature.
 * It is a layer over something built apart: "the UI for the TAP service".
 */
export const unlessForBackendObject: Exemption = (hit, { ctx }) => {
  const { tokens, to } = hit.region;
  for (let i = hit.match.last + 1; i <= Math.min(to - 1, hit.match.last + 3); i++) if (ctx.lexicons.backendObjects.has(tokens.words[i]!)) return false;
  return true;
};

/**
 * An API is a layer when it is built for our own screens ("API for UI", within a few words), or
 * when a user who does not call APIs asks for it ("As a rider, I want the REST endpoints …").
 * A title naming an API, an API for developers or partners, and any API of a product for builders
 * is the product itself.
 */
export const apiIsTheProduct: Exemption = (hit, { ctx }) => {
  const { region, match } = hit;
  const lex = ctx.lexicons;
  // "API for UI", "endpoints for the booking screen": "for" (ending the phrase or right after it) and then our own screen.
  const words = region.tokens.words;
  const forAt = words[match.last] === 'for' ? match.last : words[match.last + 1] === 'for' ? match.last + 1 : -1;
  if (forAt >= 0 && lex.layerConsumers.find(region.tokens, forAt + 1, Math.min(region.to, forAt + 4)).length) return false;
  if (region.kind !== 'goal') return true;
  if (ctx.project.builderProduct()) return true;
  const role = ctx.template.roleName ? normalizePersona(ctx.template.roleName) : null;
  if (!role) return true;
  return isDeveloperRole(role, lex) || isExternalBuilder(role, lex) || ctx.project.userRole(role);
};

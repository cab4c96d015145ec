/**
 * Words that only code has: identifiers (`IMobileLaunchConfigurationContributor`, `MtomClientTestCase`,
 * `verify_send_counts`), source paths (`Source/Ti/src/Properties.cpp`), and version numbers
 * (`2.0.0.RC4`, `v1.11.5`). A title that changes such a thing is about the product's construction.
 * Every pattern is anchored to one token, so the scan is linear.
 */
import type { Tokens } from './tokens';

/** Suffixes of type names in code: `…TestCase`, `…Factory`, `…Repository` … */
const CODE_SUFFIX = /(?:Test|Tests|TestCase|Spec|Factory|Manager|Impl|Contributor|Repository|Filter|Handler|Provider|Controller|Util|Utils|Helper|Adapter|Wrapper|Builder|Listener|Exception|Interface|Module|Proxy|Resolver|Serializer|Parser|Loader|Processor|Executor|Dao|Dto|Bean)$/;

/** `IMobileLaunch…` (three humps or more), `getUserName`, `snake_case_name`, `a::b`, `foo()`. */
function isIdentifier(word: string): boolean {
  if (word.length < 5) return false;
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(word)) {
    const humps = word.match(/[A-Z][a-z0-9]+/g)?.length ?? 0;
    const inner = /[a-z][A-Z]/.test(word);
    if (!inner) return false;
    return humps >= 3 || (humps >= 2 && CODE_SUFFIX.test(word)) || /^[a-z]+[A-Z]/.test(word);
  }
  return /^[a-z][a-z0-9]*(?:_[a-z0-9]+){2,}$/.test(word) || /::|\(\)$/.test(word);
}

/** What every version, path and identifier above holds at least one of. */
const MAY_BE_CODE = /[A-Z0-9/._:(]/;

/** A test class of the product's own test suite. */
const TEST_CLASS = /(?:Test|Tests|TestCase|Spec|IT)$/;

/** `src/foo/Bar.cpp`, `lib/utils.js`, `pom.xml`-style paths and source files. */
const SOURCE_PATH = /^(?:[\w.-]+\/)+[\w.-]+\.(?:c|cc|cpp|h|hpp|java|kt|js|ts|tsx|jsx|py|rb|go|rs|cs|php|m|mm|swift|xml|json|ya?ml|gradle|properties|sql|sh)$|^[\w-]+\.(?:cpp|hpp|java|kt|py|rb|go|rs|cs|gradle|sql|sh)$/i;

/** `1.11.5`, `2.0.0.RC4`, `v3`, `4.5`: a version number. */
const VERSION = /^v?\d+(?:\.\d+)+(?:[.-]?(?:rc|m|beta|alpha|ga|final|snapshot)\d*)?$/i;

export interface CodeWords {
  /** Identifiers in code: in a product for builders these may be its public API. */
  identifiers: number[];
  /** Source files, paths and test classes (`FooTest`, `BarTestCase`): always the product's own construction. */
  paths: number[];
  versions: number[];
}

/** Token indexes of code identifiers, source paths and version numbers in the original text. */
export function codeWords(text: string, tokens: Tokens): CodeWords {
  const identifiers: number[] = [];
  const paths: number[] = [];
  const versions: number[] = [];
  for (let i = 0; i < tokens.words.length; i++) {
    const raw = text.slice(tokens.starts[i]!, tokens.ends[i]!);
    // A plain lower-case word is none of these: each needs a capital, a digit, a path or code sign.
    if (!MAY_BE_CODE.test(raw)) continue;
    if (VERSION.test(raw)) versions.push(i);
    else if (SOURCE_PATH.test(raw)) paths.push(i);
    else if (isIdentifier(raw)) (TEST_CLASS.test(raw) ? paths : identifiers).push(i);
  }
  return { identifiers, paths, versions };
}

/**
 * `analyze` is the default command, so `story-health analyse f.txt` would read "analyse" as a file.
 * A first argument that is a bare word (no extension, no path) and close to a command's name is a
 * misspelt command: say so and suggest the command.
 */
export const COMMANDS = ['analyze', 'report', 'preview'] as const;
/** Other spellings people type for a command. */
const ALIASES: Record<string, (typeof COMMANDS)[number]> = { analyse: 'analyze', lint: 'analyze', check: 'analyze' };

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded inputs only. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The message for a misspelt command, or null when `arg` is a command, an option, a path or not close to any command. */
export function unknownCommand(arg: string | undefined): string | null {
  if (arg === undefined || arg.length > 20 || !/^[a-z][a-z-]*$/i.test(arg)) return null;
  const word = arg.toLowerCase();
  if ((COMMANDS as readonly string[]).includes(word)) return null;
  const suggestion = ALIASES[word] ?? COMMANDS.find((c) => editDistance(word, c) <= 2);
  if (!suggestion) return null;
  return `unknown command "${arg}": did you mean "${suggestion}"? (story-health ${suggestion} …; a file name needs its extension, such as .txt or .csv)`;
}

/** Atomic JSON files: write a temporary file next to the target, then rename it over the target. */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** The same file, following symlinks when it exists. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (p: string): Promise<string> =>
    fs.realpath(p).catch(async () => path.join(await fs.realpath(path.dirname(p)).catch(() => path.resolve(path.dirname(p))), path.basename(p)));
  return (await real(a)) === (await real(b));
}

/** Resolves `--profile`: a built-in profile id, a YAML/JSON profile file, or (absent) the document's own. */
import { findProfile, parseProfile, selectProfile, type Profile } from '@originlink/dataset';
import { UsageError, type Io } from '../command.js';

/** Loads a profile named by id or path; bad usage (unknown id, invalid file) is a UsageError. */
export async function loadProfile(flag: string, io: Io): Promise<Profile> {
  const builtin = findProfile(flag);
  if (builtin) return builtin;
  if (!/[./\\]/.test(flag)) throw new UsageError(`no built-in profile "${flag}" (see \`originlink profiles list\`), and it is not a file path`);
  let text: string;
  try {
    text = await io.readFile(flag);
  } catch (err) {
    throw new UsageError(`cannot read profile ${flag}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const parsed = parseProfile(text);
  if (!parsed.ok) throw new UsageError(`invalid profile ${flag}:\n${parsed.problems.map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}`);
  return parsed.profile;
}

export async function resolveProfile(flag: string | undefined, document: unknown, io: Io): Promise<Profile | undefined> {
  return flag === undefined ? selectProfile(document) : loadProfile(flag, io);
}

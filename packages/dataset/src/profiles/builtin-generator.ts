/**
 * Generates src/profiles/builtin-profiles.generated.ts from the YAML profiles shipped in
 * packages/dataset/profiles/, so that the built-in profiles are plain data in the package and
 * reading them needs no file I/O at run time. The caller (scripts/generate.ts) reads the files.
 */
import { parseProfile } from './parse-profile.js';
import type { Profile } from './profile-schema.js';

/** One profile file: its name (for messages and the generated comments) and its text. */
export interface ProfileFile {
  readonly name: string;
  readonly text: string;
}

/** JSON with objects one property a line and arrays of scalars on one line, so that the data reads like the YAML. */
function literal(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const inner = `${indent}  `;
    const lines = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${literal(v, inner)},`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * Renders the TypeScript module embedding every profile, in file-name order. Throws when a file
 * does not parse or validate, or when two files share an id: a shipped profile must be valid, and
 * a generator has no one to hand issues back to but the developer running it.
 */
export function renderBuiltinProfiles(yamlFiles: readonly ProfileFile[]): string {
  const files = [...yamlFiles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seen = new Map<string, string>();
  const parsed: { name: string; profile: Profile }[] = [];
  for (const file of files) {
    const result = parseProfile(file.text);
    if (!result.ok) {
      const problems = result.problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n');
      throw new Error(`profile ${file.name} is not valid:\n${problems}`);
    }
    const other = seen.get(result.profile.id);
    if (other !== undefined) throw new Error(`profiles ${other} and ${file.name} have the same id ${result.profile.id}`);
    seen.set(result.profile.id, file.name);
    parsed.push({ name: file.name, profile: result.profile });
  }
  const body = parsed.map(({ name, profile }) => `  // profiles/${name}\n  ${literal(profile, '  ')},`).join('\n');
  return [
    '/**',
    ' * The built-in agreement profiles, generated from packages/dataset/profiles/*.yaml by `npm run gen`',
    ' * (src/profiles/builtin-generator.ts). Do not edit: edit the YAML files and regenerate.',
    ' */',
    "import type { Profile } from './profile-schema.js';",
    '',
    'export const builtinProfileData: readonly Profile[] = [',
    body,
    '];',
    '',
  ].join('\n');
}

/**
 * `originlink validate <file...>`: validates documents (JSON, OriginLink XML, ALADI COD XML, detected
 * by content) against the dataset and an agreement profile. Exit 0 all valid, 1 any invalid, 2 usage.
 */
import { decodeInput, validateDocument, type Issue, type Profile } from '@originlink/dataset';
import { exitCodes, UsageError, type Command, type Io } from '../command.js';
import { parseFlags } from '../flags.js';
import { formatIssues } from '../output/format-issues.js';
import { resolveProfile } from '../profiles/resolve-profile.js';

const help = `Usage: originlink validate <file...> [--profile P] [--json] [--today YYYY-MM-DD]

Validates certificates and declarations of origin: structure and formats (from the
dataset catalogue), code lists, business rules, and the agreement profile.
Inputs may be JSON, OriginLink XML or ALADI COD XML; the format is detected by content.

Options:
  --profile P   a built-in profile id (see \`originlink profiles list\`) or a YAML/JSON
                profile file; default: chosen from the document's agreement and type
  --json        machine-readable output: one object per file with its issues
  --today D     validate as if today were D (the issue-date rule), for old documents

Exit status: 0 every document valid (warnings allowed), 1 a document has errors, 2 usage.

Examples:
  originlink validate certificate.json
  originlink validate corpus/valid/*.json --json
  originlink validate cod.xml --profile ace14`;

export interface FileResult {
  readonly file: string;
  readonly format: string | undefined;
  readonly profile: string | undefined;
  readonly valid: boolean;
  readonly issues: readonly Issue[];
}

/** Decodes and validates one file's text. */
export async function validateText(file: string, text: string, profileFlag: string | undefined, io: Io, now: Date): Promise<FileResult> {
  const decoded = await decodeInput(text);
  if (decoded.document === undefined) return { file, format: decoded.format, profile: undefined, valid: false, issues: decoded.issues };
  const profile: Profile | undefined = await resolveProfile(profileFlag, decoded.document, io);
  const result = validateDocument(decoded.document, { profile, now });
  const issues = [...decoded.issues, ...result.issues];
  return { file, format: decoded.format, profile: profile?.id, valid: issues.every((i) => i.severity !== 'error'), issues };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'validate certificates and declarations of origin (JSON, XML, ALADI COD)',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { profile: { type: 'string' }, json: { type: 'boolean' }, today: { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('name at least one file');
    if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError('--today must be YYYY-MM-DD');
    const now = values.today ? new Date(`${values.today}T12:00:00Z`) : new Date();
    const results: FileResult[] = [];
    for (const file of positionals) {
      let text: string;
      try {
        text = await io.readFile(file);
      } catch (err) {
        io.err(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        return exitCodes.usage;
      }
      results.push(await validateText(file, text, values.profile, io, now));
    }
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else for (const r of results) io.out(formatResult(r));
    return results.every((r) => r.valid) ? exitCodes.ok : exitCodes.failed;
  },
};

function formatResult(r: FileResult): string {
  const errors = r.issues.filter((i) => i.severity === 'error').length;
  const warnings = r.issues.filter((i) => i.severity === 'warning').length;
  const head = `${r.file}: ${r.valid ? 'valid' : 'INVALID'} (${r.format ?? 'unknown format'}${r.profile ? `, profile ${r.profile}` : ', no profile'}) ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return r.issues.length === 0 ? head : `${head}\n${formatIssues(r.issues)}`;
}

/** `originlink profiles list|show`: the built-in agreement profiles. */
import { builtinProfiles } from '@originlink/dataset';
import { stringify } from 'yaml';
import { exitCodes, UsageError, type Command } from '../command.js';
import { parseFlags } from '../flags.js';
import { loadProfile } from '../profiles/resolve-profile.js';

const help = `Usage:
  originlink profiles list [--json]
  originlink profiles show <profile> [--json]

Agreement profiles state what FTA partners agree on for one agreement and form:
parties, models (push, pull, self-declaration), dataset version and element usage,
origin criteria, validity, lifecycle options, transport and security settings.
\`show\` also accepts a profile file (YAML or JSON) and validates it.

Examples:
  originlink profiles list
  originlink profiles show rcep-declaration
  originlink profiles show ./my-agreement.yaml`;

export const profilesCommand: Command = {
  name: 'profiles',
  summary: 'list and show agreement profiles',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } });
    const [sub, id] = positionals;
    if (sub === 'list') {
      if (values.json) io.out(JSON.stringify(builtinProfiles.map((p) => ({ id: p.id, title: p.title, agreement: p.agreement.code, parties: p.parties, models: p.models, documentTypes: p.documentTypes, formTypes: p.formTypes ?? [], datasetVersion: p.datasetVersion })), null, 2));
      else {
        const w = Math.max(...builtinProfiles.map((p) => p.id.length));
        io.out(builtinProfiles.map((p) => `${p.id.padEnd(w)}  ${p.agreement.code.padEnd(7)} ${p.title}  [${p.models.join(', ')}; ${p.parties.length} parties]`).join('\n'));
      }
      return exitCodes.ok;
    }
    if (sub !== 'show') throw new UsageError('subcommands: list, show');
    if (!id) throw new UsageError('show needs a profile id or file');
    const profile = await loadProfile(id, io);
    io.out(values.json ? JSON.stringify(profile, null, 2) : stringify(profile));
    return exitCodes.ok;
  },
};

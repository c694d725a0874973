/** `originlink annex <profile>`: the technical annex FTA partners complete, in Markdown or HTML. */
import { buildAnnex, catalogueAt, renderAnnexHtml, renderAnnexMarkdown } from '@originlink/dataset';
import { exitCodes, UsageError, type Command } from '../command.js';
import { oneOf, parseFlags } from '../flags.js';
import { loadProfile } from '../profiles/resolve-profile.js';

const help = `Usage: originlink annex <profile> [--format md|html] [--out <file>]

Generates the technical annex of an agreement profile, following the WCO GNC Utility
Block layout: (a) business case and legal framework (placeholders to complete), (b)
process alignment (flows, triggers, business rules in force with their codes, entities,
data clusters), (c) technical interoperability (service interface, communication,
security), and (d) the data element table with WCO DM IDs, formats, cardinalities and
code lists as the profile uses them.

Options:
  <profile>      a built-in profile id (originlink profiles list) or a profile file
  --format F     md (default) or html (self-contained, printable)
  --out <file>   write to a file instead of standard output

Examples:
  originlink annex rcep-certificate
  originlink annex chkfta-certificate --format html --out chkfta-annex.html`;

export const annexCommand: Command = {
  name: 'annex',
  summary: 'generate the technical annex of an agreement profile (Markdown or HTML)',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { format: { type: 'string' }, out: { type: 'string' } });
    const id = positionals[0];
    if (!id) throw new UsageError('name a profile (see `originlink profiles list`)');
    const format = oneOf('format', values.format, ['md', 'html'] as const, 'md');
    const profile = await loadProfile(id, io);
    const model = buildAnnex(profile, catalogueAt(profile.datasetVersion as Parameters<typeof catalogueAt>[0]));
    const text = format === 'html' ? renderAnnexHtml(model) : renderAnnexMarkdown(model);
    if (values.out) {
      await io.writeFile(values.out, text);
      io.out(`wrote ${values.out} (${format}, profile ${profile.id})`);
    } else io.out(text);
    return exitCodes.ok;
  },
};

/**
 * `originlink convert <file> --to json|xml`: converts between JSON, OriginLink XML and (as input)
 * ALADI COD XML. Decoding problems and unmapped ALADI elements are reported on stderr.
 */
import { canonicalJson, decodeInput, encodeXml, selectProfile, validateDocument, type EcoDocument } from '@originlink/dataset';
import { exitCodes, UsageError, type Command } from '../command.js';
import { oneOf, parseFlags } from '../flags.js';
import { formatIssues } from '../output/format-issues.js';

const help = `Usage: originlink convert <file> --to json|xml [--out <file>] [--canonical]

Converts a certificate or declaration of origin. Input: JSON, OriginLink XML or ALADI COD
XML (detected by content). Output: JSON (pretty, or RFC 8785 canonical with --canonical)
or OriginLink XML (namespace urn:originlink:eco:1, valid against the dataset XSD).
Anything of an ALADI COD that has no place in the dataset is listed on stderr, never
dropped silently. The output is written even when the document is not valid; a note
says how many validation errors it has (see \`originlink validate\`).

Exit status: 0 converted, 1 the input could not be read, 2 usage.

Examples:
  originlink convert certificate.json --to xml --out certificate.xml
  originlink convert cod.xml --to json`;

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert between JSON, OriginLink XML and ALADI COD XML (input)',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { to: { type: 'string' }, out: { type: 'string' }, canonical: { type: 'boolean' } });
    const file = positionals[0];
    if (!file) throw new UsageError('name the file to convert');
    if (values.to === undefined) throw new UsageError('--to json|xml is required');
    const to = oneOf('to', values.to, ['json', 'xml'] as const, 'json');
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (err) {
      io.err(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return exitCodes.usage;
    }
    const decoded = await decodeInput(text);
    if (decoded.issues.length > 0) io.err(`${file} (${decoded.format ?? 'unrecognised'}):\n${formatIssues(decoded.issues)}`);
    if (decoded.document === undefined) return exitCodes.failed;
    const document = decoded.document as EcoDocument;
    const output = to === 'xml' ? encodeXml(document) : values.canonical ? canonicalJson(document) : `${JSON.stringify(document, null, 2)}\n`;
    if (values.out) await io.writeFile(values.out, output);
    else io.out(output);
    const errors = validateDocument(document, { profile: selectProfile(document) }).issues.filter((i) => i.severity === 'error').length;
    if (errors > 0) io.err(`note: the document has ${errors} validation error(s); run \`originlink validate ${file}\` for the list`);
    if (values.out) io.err(`wrote ${values.out}`);
    return exitCodes.ok;
  },
};

/** `originlink dataset list|show|diff`: browse the e-CO maximum dataset and compare its versions. */
import { builtinProfiles, catalogueAt, currentDatasetVersion, diffCatalogues, isKnownVersion, renderDiffText, type CatalogueEntry } from '@originlink/dataset';
import { exitCodes, UsageError, type Command } from '../command.js';
import { parseFlags } from '../flags.js';

const help = `Usage:
  originlink dataset list [--version V] [--group G] [--json]
  originlink dataset show <key> [--version V] [--json]
  originlink dataset diff <versionA> <versionB> [--json]

Browse the e-CO maximum dataset (the catalogue every view is generated from).

  list   one line per element: key, WCO DM ID, format, cardinality, name
  show   everything about one element (definitions, ID provenance, code list, history)
  diff   elements added, removed and changed between two dataset versions, and
         whether each change breaks the built-in agreement profiles

Options:
  --version V   dataset version (default: the current one)
  --group G     only elements of that group (header, parties, goods, ...)
  --json        machine-readable output

Examples:
  originlink dataset list --group goods
  originlink dataset show goodsItems[].originCriterion.code
  originlink dataset diff 1.0.0 1.1.0`;

function versionFlag(v: string | undefined): typeof currentDatasetVersion {
  if (v === undefined) return currentDatasetVersion;
  if (!isKnownVersion(v)) throw new UsageError(`unknown dataset version "${v}"`);
  return v as typeof currentDatasetVersion;
}

function line(e: CatalogueEntry): string {
  const format = e.kind === 'element' ? e.format : '(class)';
  return `${e.key.padEnd(52)} ${(e.wcoId ?? '-').padEnd(5)} ${format.padEnd(10)} ${e.cardinality.padEnd(5)} ${e.name}`;
}

function describe(e: CatalogueEntry): string {
  const rows: [string, string | undefined][] = [
    ['key', e.key], ['name', e.name], ['kind', e.kind],
    ['WCO DM ID', e.wcoId ? `${e.wcoId} (${e.idProvenance})` : `none (${e.idProvenance})`],
    ['format', e.kind === 'element' ? `${e.format} (${e.type})` : undefined],
    ['pattern', e.kind === 'element' ? e.pattern : undefined],
    ['code list', e.kind === 'element' ? e.codeList : undefined],
    ['cardinality', e.cardinality], ['group', e.group], ['XML name', e.xmlName],
    ['documents', e.kinds?.join(', ') ?? 'certificate, declaration'],
    ['since', e.since],
    ['changes', e.changes?.map((c) => `${c.version}: ${c.field} was ${c.from ?? '(absent)'}`).join('; ')],
    ['definition', e.definition], ['origin definition', e.originDefinition],
  ];
  return rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k.padEnd(18)} ${v}`).join('\n');
}

export const datasetCommand: Command = {
  name: 'dataset',
  summary: 'list, show and diff the elements of the e-CO dataset',
  help,
  run: (args, io) => Promise.resolve(runDataset(args, io)),
};

function runDataset(args: readonly string[], io: Parameters<Command['run']>[1]): number {
    const { values, positionals } = parseFlags(args, { version: { type: 'string' }, group: { type: 'string' }, json: { type: 'boolean' } });
    const [sub, ...rest] = positionals;
    const catalogue = catalogueAt(versionFlag(values.version));
    switch (sub) {
      case 'list': {
        const entries = catalogue.entries.filter((e) => values.group === undefined || e.group === values.group);
        if (values.group !== undefined && entries.length === 0) throw new UsageError(`no elements in group "${values.group}"`);
        io.out(values.json ? JSON.stringify(entries, null, 2) : [`dataset ${catalogue.version}: ${entries.length} entries`, ...entries.map(line)].join('\n'));
        return exitCodes.ok;
      }
      case 'show': {
        const key = rest[0];
        if (key === undefined) throw new UsageError('show needs an element key');
        const entry = catalogue.entries.find((e) => e.key === key);
        if (!entry) {
          const near = catalogue.entries.filter((e) => e.key.toLowerCase().includes(key.toLowerCase().replace(/\[\]/g, ''))).slice(0, 8);
          io.err(`no element "${key}" in dataset ${catalogue.version}${near.length ? `; did you mean:\n  ${near.map((e) => e.key).join('\n  ')}` : ''}`);
          return exitCodes.failed;
        }
        io.out(values.json ? JSON.stringify(entry, null, 2) : describe(entry));
        return exitCodes.ok;
      }
      case 'diff':
        return diff(rest, values.json === true, io);
      default:
        throw new UsageError(sub === undefined ? 'missing subcommand (list, show or diff)' : `unknown subcommand "${sub}"`);
    }
}

function diff(versions: readonly string[], json: boolean, io: Parameters<Command['run']>[1]): number {
  const [a, b] = versions;
  if (a === undefined || b === undefined) throw new UsageError('diff needs two dataset versions, e.g. 1.0.0 1.1.0');
  const result = diffCatalogues(catalogueAt(versionFlag(a)), catalogueAt(versionFlag(b)), builtinProfiles);
  io.out(json ? JSON.stringify(result, null, 2) : renderDiffText(result));
  return exitCodes.ok;
}

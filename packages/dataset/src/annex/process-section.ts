/**
 * Section B of the annex, process alignment: the flows in use (message kinds, triggers, lifecycle
 * options), the business rules in force with their issue codes, the entities (parties and issuing
 * authorities, to complete) and the data clusters.
 */
import type { CodeListId } from '../catalogue/entry.js';
import type { Profile } from '../profiles/profile-schema.js';
import { code, paragraph, section, table, todo, type Section, type Text } from './annex-model.js';
import { clusterRows } from './clusters.js';
import { countryName } from './country-names.js';
import { flowBlocks } from './flows.js';
import { businessRuleRows, codeListRows, structureRows } from './rules-in-force.js';
import type { UsedEntry } from '../profiles/used-elements.js';

/** The code lists bound to the elements in use, in first-use order. */
function usedCodeLists(used: readonly UsedEntry[]): CodeListId[] {
  const ids: CodeListId[] = [];
  for (const { entry } of used) if (entry.kind === 'element' && entry.codeList && !ids.includes(entry.codeList)) ids.push(entry.codeList);
  return ids;
}

export function processSection(profile: Profile, used: readonly UsedEntry[]): Section {
  const keys = new Set(used.map((u) => u.entry.key));
  const flows = section('flows', 'B.1 Flows and triggers', flowBlocks(profile));

  const rulesSection = section('business-rules', 'B.2 Business rules in force', [
    paragraph('Both gateways apply these checks to every proof of origin before sending it and on receipt. A proof with an error is not sent, or is rejected in the receipt with the issue code as reason; warnings and information do not block it. The codes are stable and listed in the errors reference.'),
    table('business-rules', ['Issue code', 'Severity', 'Rule', 'Check', 'Agreement value'], businessRuleRows(profile, keys), 'Business rules and agreement checks'),
    paragraph('Structure and format checks, derived from the dataset and the element usage of section D:'),
    table('structure-checks', ['Issue code', 'Severity', 'Check'], structureRows(), 'Structure and format checks'),
    paragraph('Code-list checks on the elements in use:'),
    table('code-list-checks', ['Code list', 'Source', 'Issue codes'], codeListRows(usedCodeLists(used)), 'Code lists'),
  ]);

  const partyRows = profile.parties.map((p): Text[] => [code(p), countryName(p), [todo('issuing authorities')], [todo('gateway operator')], [todo('contact point')]]);
  const entities = section('entities', 'B.3 Entities', [
    paragraph('Roles: the exporter (or producer) applies for the proof or makes a self-declaration; the issuing authority of the exporting party issues it and answers verification requests; the exporting gateway validates, signs and sends; the importing gateway verifies, stores and acknowledges; the importing customs matches the proof with the import declaration and grants or denies preference; the importer claims preference with the proof number.'),
    table('parties', ['Party', 'Country', 'Issuing authorities', 'Gateway operator', 'Contact point'], partyRows, 'Parties and their entities'),
  ]);

  const clusters = section('data-clusters', 'B.4 Data clusters', [
    paragraph('The dataset elements in use, by cluster; section D lists every element.'),
    table('data-clusters', ['Cluster', 'Content', 'Elements used', 'Required'], clusterRows(used), 'Data clusters'),
  ]);

  return section('process-alignment', 'B. Process alignment', [], [flows, rulesSection, entities, clusters]);
}

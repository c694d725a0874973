/**
 * The data clusters of the annex: the catalogue's groups with a title and a one-line description,
 * shared with the dataset reference documentation, and the cluster table of a profile.
 */
import type { Group } from '../catalogue/entry.js';
import type { Text } from './annex-model.js';
import type { UsedEntry } from '../profiles/used-elements.js';

/** Title and content of each group, in the catalogue's group order. */
export const groupDescriptions: Record<Group, { readonly title: string; readonly description: string }> = {
  header: { title: 'Document header', description: 'Identification of the proof of origin: number, document and form type, agreement, issuing and importing countries, issue date, validity.' },
  parties: { title: 'Parties', description: 'Exporter, producers, importer, consignee and third-party invoicing operator, with addresses and contacts.' },
  transport: { title: 'Transport and route', description: 'Departure date, means and mode of transport, places of loading and discharge, transit countries.' },
  goods: { title: 'Goods items', description: 'Per item: number, marks, packages, description, HS code, origin criterion, country of origin, quantities, FOB value, invoice and producer references.' },
  totals: { title: 'Totals', description: 'Totals of the document, consistent with the items: item and package counts, gross weight, FOB value.' },
  invoices: { title: 'Invoices', description: 'The commercial invoices covering the goods: number, date, issuer.' },
  declaration: { title: "Exporter's declaration", description: 'The declaration of the exporter or producer: place, date, signatory, statement.' },
  certification: { title: 'Certification', description: 'Certification by the issuing authority: authority, officer, place, date, signature and seal references.' },
  'special-cases': { title: 'Special cases', description: 'The tick boxes of the forms (issued retroactively, back-to-back, exhibition, third-party invoicing, ...), the exhibition and the original proof of a back-to-back certificate.' },
  replacement: { title: 'Replacement', description: 'The earlier proof of origin a document replaces, and why.' },
  'self-declaration': { title: 'Self-declaration of origin', description: 'The approved or registered exporter making a declaration of origin, and its unique reference.' },
  remarks: { title: 'Remarks', description: 'The remarks box.' },
  attachments: { title: 'Attachments', description: 'Supporting documents, embedded or referenced by location and SHA-256 digest.' },
};

/** One row per group the profile uses: title, content, elements used, elements required. */
export function clusterRows(used: readonly UsedEntry[]): Text[][] {
  const rows: Text[][] = [];
  for (const [group, { title, description }] of Object.entries(groupDescriptions) as [Group, { title: string; description: string }][]) {
    const inGroup = used.filter((u) => u.entry.group === group);
    if (inGroup.length === 0) continue;
    const required = inGroup.filter((u) => u.usage !== 'optional').length;
    rows.push([title, description, String(inGroup.length), String(required)]);
  }
  return rows;
}

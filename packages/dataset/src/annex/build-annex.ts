/**
 * Builds the technical annex of an agreement profile: the document two FTA partners complete,
 * following the WCO GNC Utility Block layout (A business case and legal framework, B process
 * alignment, C technical interoperability) plus the data element table (D). Facts come from the
 * profile and the catalogue; what only the partners know is left as marked placeholders.
 */
import type { Catalogue } from '../catalogue/entry.js';
import { codeList } from '../codelists/code-lists.js';
import type { Profile } from '../profiles/profile-schema.js';
import { code, list, paragraph, section, table, todo, type AnnexDocument, type Block, type Section, type Text } from './annex-model.js';
import { countryName } from './country-names.js';
import { elementsSection } from './elements-section.js';
import { processSection } from './process-section.js';
import { technicalSection } from './technical-section.js';
import { usedEntries } from '../profiles/used-elements.js';

function businessCaseSection(profile: Profile, catalogue: Catalogue): Section {
  const documentTypes = codeList('document-type').codes;
  const facts: Text[][] = [
    ['Agreement', [code(profile.agreement.code), ` ${profile.agreement.name}`]],
    ['Legal basis', profile.agreement.legalBasis],
    ['Parties', profile.parties.map((p) => `${countryName(p)} (${p})`).join(', ')],
    ['In force since', profile.agreement.inForceSince ?? [todo('date of entry into force')]],
    ['Proof of origin', profile.documentTypes.map((t) => `${documentTypes.get(t) ?? t} (${t})`).join(', ') + (profile.formTypes ? `; form ${profile.formTypes.join(', ')}` : '')],
    ['Agreement profile', [code(profile.id), ` ${profile.title}`]],
    ['e-CO dataset version', profile.datasetVersion],
  ];
  const blocks: Block[] = [
    paragraph('This annex records what the customs administrations of the parties agree on to exchange proof-of-origin data electronically under the agreement below. It follows the layout of the WCO Globally Networked Customs (GNC) Utility Block, as the WCO Interconnectivity Framework for the Certificate of Origin recommends. Text marked ', todo('...'), ' is for the parties to complete.'),
    table('agreement-facts', ['Item', 'Value'], facts, 'The agreement'),
  ];
  if (profile.notes !== undefined) blocks.push(paragraph('Notes: ', profile.notes));
  if (catalogue.version !== profile.datasetVersion) blocks.push(paragraph(`The element tables use dataset ${catalogue.version}; the profile names ${profile.datasetVersion}.`));
  const businessCase = section('business-case', 'A.1 Business case', [
    paragraph(todo('Objectives of the exchange for both administrations and for traders (faster clearance, fewer forged proofs, paperless claims), expected volumes, benefits measured.')),
    paragraph(todo('Scope: proofs of origin, directions of trade and offices concerned; date of entry into operation.')),
  ]);
  const legal = section('legal-framework', 'A.2 Legal framework', [
    paragraph('Legal basis of the proofs of origin: ', profile.agreement.legalBasis, '.'),
    list([
      [todo('instrument that makes this annex binding (memorandum of understanding, decision of the joint committee) and its date')],
      [todo('legal status of the electronic data (replaces or accompanies the paper proof), data protection and confidentiality')],
      [todo('change procedure for this annex and for the agreement profile')],
    ]),
  ]);
  return section('business-case-and-legal-framework', 'A. Business case and legal framework', blocks, [businessCase, legal]);
}

/** The annex of a profile; `catalogue` is normally catalogueAt(profile.datasetVersion). */
export function buildAnnex(profile: Profile, catalogue: Catalogue): AnnexDocument {
  const used = usedEntries(profile, catalogue);
  return {
    title: `Technical annex: ${profile.title}`,
    subtitle: `Electronic exchange of proof-of-origin data under ${profile.agreement.name}. Agreement profile ${profile.id}, e-CO dataset ${catalogue.version}.`,
    profileId: profile.id,
    datasetVersion: catalogue.version,
    sections: [businessCaseSection(profile, catalogue), processSection(profile, used), technicalSection(profile), elementsSection(profile, catalogue, used)],
  };
}

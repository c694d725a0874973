/** Special cases (the tick boxes of the forms), exhibition, back-to-back, and replacement. */
import { aggregate, element } from '../builders.js';

const group = 'special-cases';

/** One tick box of the forms: an indicator, absent meaning false. */
function flag(field: string, name: string, definition: string) {
  return element({ group, key: `specialCases.${field}`, name, definition, type: 'boolean', format: 'n1', cardinality: '0..1', xmlName: `${field.charAt(0).toUpperCase()}${field.slice(1)}Indicator` });
}

export const specialCaseEntries = [
  aggregate({ group, key: 'specialCases', name: 'Special cases', definition: 'The special-case boxes of the forms; each indicator absent means not ticked.', cardinality: '0..1', xmlName: 'SpecialCases' }),
  flag('issuedRetroactively', 'Issued retroactively', 'The CO was issued after shipment, as the agreement allows (for example within one year of shipment).'),
  flag('backToBack', 'Back-to-back', 'A back-to-back (movement) CO issued by an intermediate party on the basis of an original proof of origin.'),
  flag('exhibition', 'Exhibition', 'The goods were sent to an exhibition in another party and sold there.'),
  flag('thirdPartyInvoicing', 'Third-party invoicing', 'The goods are invoiced by an operator in a third country or non-party.'),
  flag('accumulation', 'Accumulation', 'Originating materials of another party were accumulated.'),
  flag('partialCumulation', 'Partial cumulation', 'Partial cumulation applies (ATIGA: RVC of at least 20% but under 40%).'),
  flag('deMinimis', 'De minimis', 'The de minimis tolerance for non-originating materials was applied.'),
  flag('movementCertificate', 'Movement certificate', 'A movement certificate (ACFTA Form E) issued by an intermediate party.'),

  aggregate({ group, key: 'exhibition', name: 'Exhibition', definition: 'The exhibition the goods were sent to, when the exhibition box is ticked.', cardinality: '0..1', xmlName: 'Exhibition' }),
  element({ group, key: 'exhibition.name', name: 'Exhibition name', definition: 'Name of the exhibition.', type: 'text', format: 'an..256', cardinality: '1..1', xmlName: 'Name' }),
  element({ group, key: 'exhibition.place', name: 'Exhibition place', definition: 'Address or venue of the exhibition.', type: 'text', format: 'an..256', cardinality: '0..1', xmlName: 'Location' }),

  aggregate({ group, key: 'backToBack', name: 'Original proof of origin', definition: 'The original proof of origin a back-to-back or movement certificate is based on.', cardinality: '0..1', xmlName: 'OriginalProof' }),
  element({ group, key: 'backToBack.originalNumber', name: 'Original proof number', definition: 'Identifier of the previous document (the original proof of origin).', wcoId: 'D018', type: 'text', format: 'an..70', cardinality: '1..1', xmlName: 'ID' }),
  element({ group, key: 'backToBack.originalDate', name: 'Original proof date', definition: 'Issue date of the original proof of origin.', type: 'date', format: 'an..35', cardinality: '0..1', xmlName: 'IssueDate' }),
  element({ group, key: 'backToBack.originalIssuingCountry', name: 'Original proof issuing country, coded', definition: 'Country that issued the original proof of origin.', type: 'code', format: 'a2', codeList: 'iso3166-alpha2', cardinality: '0..1', xmlName: 'IssuingCountryCode' }),
  element({ group, key: 'backToBack.firstExportingCountryOrigin', name: 'First exporting party\'s country of origin', definition: 'Country of origin stated by the first exporting party (RCEP back-to-back).', type: 'code', format: 'a2', codeList: 'iso3166-alpha2', cardinality: '0..1', xmlName: 'FirstOriginCountryCode' }),
  element({ group, key: 'backToBack.approvedExporterCode', name: 'Original approved exporter code', definition: 'Approved exporter authorisation code on the original proof, when it was a declaration of origin.', type: 'text', format: 'an..35', cardinality: '0..1', xmlName: 'ApprovedExporterID' }),
];

export const replacementEntries = [
  aggregate({ group: 'replacement', key: 'replacement', name: 'Replacement', definition: 'The earlier proof of origin this document replaces (after loss, damage or an error).', cardinality: '0..1', xmlName: 'Replacement' }),
  element({ group: 'replacement', key: 'replacement.replacedNumber', name: 'Replaced certificate number', definition: 'Reference number of the replaced proof of origin.', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'ReplacedID' }),
  element({ group: 'replacement', key: 'replacement.replacedDate', name: 'Replaced certificate date', definition: 'Issue date of the replaced proof of origin.', type: 'date', format: 'an..35', cardinality: '0..1', xmlName: 'ReplacedIssueDate' }),
  element({ group: 'replacement', key: 'replacement.reasonCode', name: 'Replacement reason, coded', definition: 'Why the proof was replaced: lost, damaged, error, amended, other.', wcoId: '099', type: 'code', format: 'an..10', codeList: 'replacement-reason', cardinality: '0..1', xmlName: 'ChangeReasonCode' }),
  element({ group: 'replacement', key: 'replacement.reason', name: 'Replacement reason', definition: 'Free-text explanation of the replacement.', type: 'text', format: 'an..512', cardinality: '0..1', xmlName: 'ChangeReason' }),
];

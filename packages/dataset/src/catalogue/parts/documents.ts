/** Invoices, the exporter's declaration and the issuing authority's certification. */
import { aggregate, element } from '../builders.js';

export const invoiceEntries = [
  aggregate({ group: 'invoices', key: 'invoices', name: 'Invoice', definition: 'A commercial invoice covering goods of the document.', cardinality: '0..n', xmlName: 'Invoice' }),
  element({ group: 'invoices', key: 'invoices[].number', name: 'Invoice number', definition: 'Reference number identifying a commercial invoice.', wcoId: 'D016', type: 'text', format: 'an..70', cardinality: '1..1', xmlName: 'ID' }),
  element({ group: 'invoices', key: 'invoices[].date', name: 'Invoice date', definition: 'Date of issue of the commercial invoice.', wcoId: 'D015', type: 'date', format: 'an..35', cardinality: '0..1', xmlName: 'IssueDate' }),
  element({ group: 'invoices', key: 'invoices[].issuerName', name: 'Invoice issuer name', definition: 'Name of the party that issued the invoice (the exporter, or the third-party operator under third-party invoicing).', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'IssuerName' }),
  element({ group: 'invoices', key: 'invoices[].issuerCountry', name: 'Invoice issuer country, coded', definition: 'Country of the party that issued the invoice.', type: 'code', format: 'a2', codeList: 'iso3166-alpha2', cardinality: '0..1', xmlName: 'IssuerCountryCode' }),
];

const declaration = 'declaration';
export const exporterDeclarationEntries = [
  aggregate({ group: declaration, key: 'exporterDeclaration', name: 'Declaration by the exporter', definition: 'The exporter\'s (or producer\'s) declaration that the details are correct and the goods meet the origin requirements.', cardinality: '0..1', xmlName: 'ExporterDeclaration' }),
  element({ group: declaration, key: 'exporterDeclaration.declarantRole', name: 'Declarant role, coded', definition: 'Whether the exporter or the producer makes the declaration (RCEP allows either).', type: 'code', format: 'an..9', pattern: '^(exporter|producer)$', cardinality: '0..1', xmlName: 'DeclarantRoleCode' }),
  element({ group: declaration, key: 'exporterDeclaration.place', name: 'Place of declaration', definition: 'Place where the exporter signed the declaration.', wcoId: 'D012', idProvenance: 'co-mapping', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'IssueLocation' }),
  element({ group: declaration, key: 'exporterDeclaration.date', name: 'Date of declaration', definition: 'Date the exporter signed the declaration.', wcoId: 'D011', idProvenance: 'co-mapping', type: 'date', format: 'an..35', cardinality: '0..1', xmlName: 'IssueDate' }),
  element({ group: declaration, key: 'exporterDeclaration.signatoryName', name: 'Signatory name', definition: 'Name of the person signing for the exporter.', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'SignatoryName' }),
  element({ group: declaration, key: 'exporterDeclaration.signatoryTitle', name: 'Signatory title', definition: 'Position of the person signing for the exporter.', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'SignatoryTitle' }),
  element({ group: declaration, key: 'exporterDeclaration.statement', name: 'Declaration statement', definition: 'Text of the declaration as the agreement prescribes it (2048 characters: ALADI COD affidavits).', type: 'text', format: 'an..2048', cardinality: '0..1', xmlName: 'Statement', changes: [{ version: '1.1.0', field: 'format', from: 'an..1024' }] }),
];

const certification = 'certification';
const certOnly = ['certificate'] as const;
export const certificationEntries = [
  aggregate({ group: certification, kinds: certOnly, key: 'certification', name: 'Certification', definition: 'Certification by the issuing authority that the goods are originating and the declaration by the exporter is correct.', cardinality: '0..1', xmlName: 'Certification' }),
  element({ group: certification, kinds: certOnly, key: 'certification.authorityId', name: 'Issuing authority identifier', definition: 'Identifier of the issuing authority (customs office, ministry or accredited chamber) as registered with the partner.', type: 'text', format: 'an..17', cardinality: '1..1', xmlName: 'AuthorityID' }),
  element({ group: certification, kinds: certOnly, key: 'certification.authorityName', name: 'Issuing authority name', definition: 'Name of the person or body authenticating the document.', originDefinition: 'Name of the issuing authority that certified the CO.', wcoId: 'R007', type: 'text', format: 'an..70', cardinality: '1..1', xmlName: 'AuthorityName' }),
  element({ group: certification, kinds: certOnly, key: 'certification.officerName', name: 'Certifying officer', definition: 'Name of the official who certified the CO.', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'OfficerName' }),
  element({ group: certification, kinds: certOnly, key: 'certification.place', name: 'Place of certification', definition: 'Place where the CO was certified.', wcoId: 'L098', idProvenance: 'co-mapping', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'AuthenticationLocation' }),
  element({ group: certification, kinds: certOnly, key: 'certification.date', name: 'Date of certification', definition: 'Date the issuing authority certified the CO.', type: 'date', format: 'an..35', cardinality: '0..1', xmlName: 'AuthenticationDate' }),
  element({ group: certification, kinds: certOnly, key: 'certification.signatureReference', name: 'Signature reference', definition: 'Authentication of the document: reference of the official signature (specimen registered with the partner, or digital signature key identifier).', wcoId: '104', type: 'text', format: 'an..256', cardinality: '0..1', xmlName: 'Authentication' }),
  element({ group: certification, kinds: certOnly, key: 'certification.sealReference', name: 'Seal reference', definition: 'Reference of the official stamp or seal registered with the partner.', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'SealID' }),
];

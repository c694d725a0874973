/** Self-declaration of origin elements, remarks and attachments. */
import { aggregate, element } from '../builders.js';

const declOnly = ['declaration'] as const;
const group = 'self-declaration';

export const selfDeclarationEntries = [
  aggregate({ group, kinds: declOnly, since: '1.1.0', key: 'selfDeclaration', name: 'Self-declaration of origin', definition: 'Particulars of a declaration of origin made by an approved or registered exporter (RCEP declaration of origin, REX statement, EODES).', cardinality: '0..1', xmlName: 'SelfDeclaration' }),
  element({ group, kinds: declOnly, since: '1.1.0', key: 'selfDeclaration.exporterAuthorisationNumber', name: 'Approved or registered exporter number', definition: 'Identifier of the authorisation holder.', originDefinition: 'The approved exporter authorisation code or registered exporter (REX) number of the exporter making the declaration.', wcoId: 'R144', type: 'text', format: 'an..35', cardinality: '1..1', xmlName: 'AuthorisationID' }),
  element({ group, kinds: declOnly, since: '1.1.0', key: 'selfDeclaration.authorisationType', name: 'Authorisation type, coded', definition: 'Category of the authorisation holder.', originDefinition: '`approved` (approved exporter) or `registered` (registered exporter).', wcoId: 'R145', type: 'code', format: 'an..10', codeList: 'exporter-authorisation-type', cardinality: '1..1', xmlName: 'AuthorisationCategoryCode' }),
  element({ group, kinds: declOnly, since: '1.1.0', key: 'selfDeclaration.uniqueReference', name: 'Unique reference number', definition: 'The unique reference number of the declaration of origin, as the agreement requires it (RCEP).', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'UniqueReferenceID' }),
  element({ group, kinds: declOnly, since: '1.1.0', key: 'selfDeclaration.statement', name: 'Declaration text', definition: 'The text of the declaration of origin as made on the commercial document.', type: 'text', format: 'an..1024', cardinality: '0..1', xmlName: 'Statement' }),
];

export const remarksEntries = [
  element({ group: 'remarks', key: 'remarks', name: 'Remarks', definition: 'Additional statement text.', originDefinition: 'The remarks box of the form (2048 characters: ALADI COD comments).', wcoId: '225', type: 'text', format: 'an..2048', cardinality: '0..1', xmlName: 'Remarks', changes: [{ version: '1.1.0', field: 'format', from: 'an..1024' }] }),
];

export const attachmentEntries = [
  aggregate({ group: 'attachments', key: 'attachments', name: 'Attachment', definition: 'A supporting document attached to the proof of origin (continuation sheet, invoice copy).', cardinality: '0..n', xmlName: 'Attachment' }),
  element({ group: 'attachments', key: 'attachments[].id', name: 'Attachment identifier', definition: 'Identifier of the additional document.', wcoId: 'D005', type: 'text', format: 'an..70', cardinality: '1..1', xmlName: 'ID' }),
  element({ group: 'attachments', key: 'attachments[].name', name: 'Attachment name', definition: 'Name or short description of the attached document.', type: 'text', format: 'an..256', cardinality: '0..1', xmlName: 'Name' }),
  element({ group: 'attachments', key: 'attachments[].mediaType', name: 'Media type', definition: 'IANA media type of the attached content (for example application/pdf).', type: 'code', format: 'an..127', pattern: '^[a-z]+/[a-z0-9.+-]+$', cardinality: '1..1', xmlName: 'MediaTypeCode' }),
  element({ group: 'attachments', key: 'attachments[].content', name: 'Content', definition: 'The attached content, base64 encoded (at most 2 MiB before encoding).', type: 'binary', format: 'an..2796204', cardinality: '0..1', xmlName: 'Content' }),
  element({ group: 'attachments', key: 'attachments[].uri', name: 'Location', definition: 'Where the content can be fetched, when it is not embedded.', type: 'text', format: 'an..2048', pattern: '^https://\\S+$', cardinality: '0..1', xmlName: 'URI' }),
  element({ group: 'attachments', key: 'attachments[].sha256', name: 'Content digest', definition: 'SHA-256 digest of the content, lowercase hexadecimal; binds a referenced document to the proof.', type: 'text', format: 'an64', pattern: '^[0-9a-f]{64}$', cardinality: '0..1', xmlName: 'DigestID' }),
];

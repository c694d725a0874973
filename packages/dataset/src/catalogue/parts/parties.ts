/** Parties: exporter, producers, importer, consignee, third-party invoicing operator. */
import { aggregate, element, party } from '../builders.js';

const group = 'parties';

export const partyEntries = [
  ...party({ group, key: 'exporter', xmlName: 'Exporter', name: 'Exporter', cardinality: '1..1', nameId: 'R031', idId: 'R032', idProvenance: 'wco-dm-3.6', definition: 'Party who makes, or on whose behalf the export declaration is made, and who is the owner of the goods or has similar right of disposal over them at the time when the declaration is accepted.', originDefinition: 'The exporter named in box 1 of the form; for a declaration of origin, the approved or registered exporter making it.' }),

  aggregate({ group, key: 'producers', name: 'Producer', definition: 'Party or person who has produced the product.', originDefinition: 'The producer(s) of the originating goods, when different from the exporter and known; each goods item may refer to one of them.', wcoId: 'R034', idProvenance: 'co-mapping', cardinality: '0..n', xmlName: 'Producer' }),
  element({ group, key: 'producers[].ref', name: 'Producer reference', definition: 'Local reference of the producer within the document, quoted by goods items (`goodsItems[].producerRef`).', type: 'text', format: 'an..35', cardinality: '1..1', xmlName: 'SequenceID' }),
  element({ group, key: 'producers[].sameAsExporter', name: 'Producer same as exporter', definition: 'Indicator that the producer is the exporter; no other producer details are then given.', type: 'boolean', format: 'n1', cardinality: '0..1', xmlName: 'SameAsExporterIndicator' }),
  element({ group, key: 'producers[].confidential', name: 'Producer confidential', definition: 'Indicator that the producer wishes its details to be kept confidential: the proof then says "available upon request" and the details go to the authorities only on request.', type: 'boolean', format: 'n1', cardinality: '0..1', xmlName: 'ConfidentialIndicator' }),
  ...party({ group, key: 'producers[]', xmlName: 'Producer', name: 'Producer', cardinality: '0..n', nameId: 'R034', idId: 'R035', idProvenance: 'co-mapping', nameRequired: false, definition: 'Party or person who has produced the product.' }).slice(1),

  ...party({ group, key: 'importer', xmlName: 'Importer', name: 'Importer', cardinality: '0..1', nameId: 'R037', idId: 'R038', idProvenance: 'wco-dm-3.6', definition: 'Party who makes, or on whose behalf a customs agent or other authorised person makes, an import declaration.', originDefinition: 'The importer in the importing party, where the form has a box for it (RCEP: importer or consignee).' }),
  ...party({ group, key: 'consignee', xmlName: 'Consignee', name: 'Consignee', cardinality: '0..1', nameId: 'R014', idId: 'R015', idProvenance: 'wco-dm-3.6', definition: 'Party to which goods are consigned.', originDefinition: 'The consignee in the importing party (box 2 of Form D and Form E).' }),
  ...party({ group, key: 'thirdPartyOperator', xmlName: 'ThirdPartyInvoicingOperator', name: 'Third-party operator', cardinality: '0..1', nameId: 'R050', idId: 'R051', idProvenance: 'wco-dm-3.6', definition: 'Party selling the goods to the buyer (seller).', originDefinition: 'The operator in a third country (or non-party) who issues the commercial invoice when third-party invoicing applies.' }),
];

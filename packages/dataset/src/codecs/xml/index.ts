/** OriginLink XML: the writer, the hardened reader, and the names and limits they share. */
export { encodeXml, type EncodeXmlOptions } from './xml-writer.js';
export { decodeXml } from './xml-reader.js';
export { defaultXmlLimits, type XmlLimits } from './xml-limits.js';
export { datasetVersionAttribute, ecoNamespace, rootElementName } from './xml-names.js';
export { decimalString } from './xml-number.js';

/**
 * Names of the OriginLink XML format: the project's own namespace and root element. Element names
 * below the root come from the catalogue entries' `xmlName` (aligned with WCO Data Model tag names).
 */

/** The namespace of every element of an OriginLink e-CO XML document (URN: it never needs to resolve). */
export const ecoNamespace = 'urn:originlink:eco:1';

/** The root element; its `datasetVersion` attribute names the catalogue version the document follows. */
export const rootElementName = 'ProofOfOrigin';

/** The root attribute that carries the dataset version. */
export const datasetVersionAttribute = 'datasetVersion';

/** XML Schema instance namespace: `xsi:schemaLocation` hints are allowed on any element and ignored. */
export const xsiNamespace = 'http://www.w3.org/2001/XMLSchema-instance';

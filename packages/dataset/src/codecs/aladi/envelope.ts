/**
 * The COD envelope: Envelope > CertOrigin > CODEH > CODExporter > COD > Form…, with the exporter's
 * signature after COD and the certifying entity's part (EH, CertificationEH) and signature after
 * CODExporter. Finds the parts, the declared COD version and the form, by local name (the SOAP-like
 * envelope's prefix varies between issuers).
 */
import type { CodReader } from './cod-reader.js';
import type { XmlNode } from './xml-tree.js';

/** The forms of COD schema 4.1.0. They share one element vocabulary, so one mapper reads them all. */
export const supportedAladiForms = ['R252', 'A6', 'A14', 'A18', 'A24', 'A33', 'A35', 'A36', 'A38', 'A58', 'A59', 'A60', 'A65', 'A67', 'A72', 'A73'] as const;
export type AladiForm = (typeof supportedAladiForms)[number];

export function isSupportedForm(form: string): form is AladiForm {
  return (supportedAladiForms as readonly string[]).includes(form);
}

export interface CodParts {
  /** CODEH: the certifying entity's part (EH, CertificationEH) is read from here. */
  readonly codeh: XmlNode;
  readonly cod: XmlNode;
  /** The form element (`FormA18`) and its name without the prefix (`A18`); absent when COD has none. */
  readonly form: { readonly node: XmlNode; readonly name: string } | undefined;
  /** `CODVer`, e.g. `1.8.0` or `4.1.0`. */
  readonly version: string | undefined;
}

const signatureReason = 'XML signature: verify it on the original COD; it does not carry over to the dataset';

/** Finds the COD parts, marking the envelope elements as read; undefined when the XML is no COD. */
export function findCodParts(root: XmlNode, reader: CodReader): CodParts | undefined {
  if (root.local !== 'Envelope') return undefined;
  const certOrigin = root.children.find((c) => c.local === 'CertOrigin');
  const codeh = certOrigin?.children.find((c) => c.local === 'CODEH');
  const exporterPart = codeh?.children.find((c) => c.local === 'CODExporter');
  const cod = exporterPart?.children.find((c) => c.local === 'COD');
  if (!certOrigin || !codeh || !exporterPart || !cod) return undefined;
  for (const n of [root, certOrigin, codeh, exporterPart, cod]) reader.take(n);
  for (const parent of [certOrigin, exporterPart]) {
    for (const s of parent.children.filter((c) => c.local === 'Signature')) reader.unmapped(s, signatureReason);
  }
  const formNode = cod.children.find((c) => c.local.startsWith('Form'));
  return {
    codeh,
    cod,
    form: formNode ? { node: formNode, name: formNode.local.slice('Form'.length) } : undefined,
    version: reader.value(cod, 'CODVer'),
  };
}

/** The path the importer expects, for the message of a document that is not a COD. */
export const codPath = 'Envelope/CertOrigin/CODEH/CODExporter/COD';

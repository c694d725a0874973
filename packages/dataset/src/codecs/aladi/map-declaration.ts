/**
 * The exporter's side of the declaration: `Declaration` (date, affidavit text, and in some forms
 * the country of origin or the validity dates), `Subscriber` (who signs), and `CODSubmitterType`
 * (EXP: the exporter submits; REP and APO, a representative or attorney, have no dataset code).
 */
import type { ExporterDeclaration } from '../../types.generated.js';
import type { CodReader } from './cod-reader.js';
import { prune, type Draft } from './draft.js';
import { readDate } from './value-conversions.js';
import type { XmlNode } from './xml-tree.js';

export interface DeclarationPart {
  readonly declaration: Draft<ExporterDeclaration> | undefined;
  /** `CountryOfOrigin` (forms A24, A65): the origin of every goods item. */
  readonly originCountry: { readonly node: XmlNode; readonly value: string } | undefined;
  readonly validFrom: string | undefined;
  readonly validUntil: string | undefined;
}

export function readDeclaration(reader: CodReader, cod: XmlNode, form: XmlNode): DeclarationPart {
  const decl = reader.child(form, 'Declaration');
  const subscriber = reader.child(form, 'Subscriber');
  const submitter = reader.text(cod, 'CODSubmitterType');
  let declarantRole: string | undefined;
  if (submitter?.value === 'EXP') {
    declarantRole = 'exporter';
    reader.converted(submitter.node, '/exporterDeclaration/declarantRole', submitter.value, declarantRole);
  } else if (submitter) reader.unmapped(submitter.node, 'the dataset\'s declarant roles are exporter and producer');
  const declaration = prune<Draft<ExporterDeclaration>>({
    declarantRole,
    date: readDate(reader, reader.child(decl, 'DeclarationDate'), '/exporterDeclaration/date'),
    signatoryName: reader.value(subscriber, 'SubscriberSubmitterName'),
    signatoryTitle: reader.value(subscriber, 'SubscriberSubmitterTitle'),
    statement: reader.value(decl, 'Affidavit'),
  });
  return {
    declaration,
    originCountry: reader.text(decl, 'CountryOfOrigin'),
    validFrom: readDate(reader, reader.child(decl, 'CertificateInitialDate'), '/header/validFrom'),
    validUntil: readDate(reader, reader.child(decl, 'CertificateFinalDate'), '/header/validUntil'),
  };
}

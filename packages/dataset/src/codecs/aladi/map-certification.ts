/**
 * The certifying part of a COD (schema 4.1.0): after the exporter's signed COD, the certifying
 * entity (Entidad Habilitada) adds `EH` (who it is) and `CertificationEH` (certificate number, date
 * and control code), then signs the whole. An unsigned COD, as the exporter sends it for
 * certification, has neither: its draft then lacks the number and issue date, which validation
 * reports as missing.
 */
import type { Certification, Header } from '../../types.generated.js';
import type { CodReader } from './cod-reader.js';
import { prune, type Draft } from './draft.js';
import { readDate } from './value-conversions.js';
import type { XmlNode } from './xml-tree.js';

export interface CertifyingPart {
  /** Header fields the certifying part provides: number, issue date, verification code. */
  readonly header: Pick<Draft<Header>, 'number' | 'issueDate' | 'verificationCode'>;
  /** The certifying entity's country: the issuing country. */
  readonly country: string | undefined;
  readonly certification: Draft<Certification> | undefined;
}

export function readCertifyingPart(reader: CodReader, codeh: XmlNode): CertifyingPart {
  const eh = reader.child(codeh, 'EH');
  const cert = reader.child(codeh, 'CertificationEH');
  const issueDate = readDate(reader, reader.child(cert, 'CertificateDate'), '/header/issueDate');
  const header = prune<CertifyingPart['header']>({
    number: reader.value(cert, 'CertificateID'),
    issueDate,
    // The control code lets the importing side check the certificate with the issuer.
    verificationCode: reader.value(cert, 'CertificateControlCode'),
  }) ?? {};
  const certification = prune<Draft<Certification>>({
    authorityId: reader.value(eh, 'EHId'),
    authorityName: reader.value(eh, 'EHName'),
    place: reader.value(eh, 'EHCityLocality'),
    date: issueDate,
  });
  return { header, country: reader.value(eh, 'EHCountry'), certification };
}

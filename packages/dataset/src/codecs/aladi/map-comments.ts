/**
 * `Comments`: the general comments become the remarks; `PACComments` (form A18) join them with a
 * label; `HSVer` gives the HS edition of every item; `LocalCurrency` (COD 1.8.0) names the
 * currency of the values. Without LocalCurrency the values are taken as US dollars, the currency
 * the ALADI certificate forms print for FOB values, and that assumption is reported.
 */
import type { CodReader } from './cod-reader.js';
import { currencyCode } from './name-tables.js';
import type { XmlNode } from './xml-tree.js';

export interface CommentsPart {
  readonly comments: XmlNode | undefined;
  readonly remarks: string[];
  /** The currency of the values; `node` is the LocalCurrency it was read from, absent when assumed. */
  readonly currency: { readonly code: string; readonly assumed: boolean; readonly node?: XmlNode } | undefined;
  /** The HS edition (`2022`) and the node it was read from. */
  readonly hsVersion: { readonly node: XmlNode; readonly value: string } | undefined;
}

const hsEditions = /\b(2007|2012|2017|2022)\b/;

export function readComments(reader: CodReader, form: XmlNode): CommentsPart {
  const comments = reader.child(form, 'Comments');
  const remarks: string[] = [];
  const general = reader.value(comments, 'GeneralComments');
  if (general !== undefined) remarks.push(general);
  const pac = reader.text(comments, 'PACComments');
  if (pac) {
    remarks.push(`PAC: ${pac.value}`);
    reader.converted(pac.node, '/remarks', pac.value, `PAC: ${pac.value}`);
  }

  let currency: CommentsPart['currency'] = { code: 'USD', assumed: true };
  const local = reader.text(comments, 'LocalCurrency');
  if (local) {
    const code = currencyCode(local.value);
    currency = code === undefined ? undefined : { code, assumed: false, node: local.node };
    if (code === undefined) reader.unmapped(local.node, 'not a known currency name or ISO 4217 code');
    else if (code !== local.value) reader.converted(local.node, '', local.value, code);
  }

  let hsVersion: CommentsPart['hsVersion'];
  const hs = reader.text(comments, 'HSVer');
  const edition = hs ? hsEditions.exec(hs.value)?.[1] : undefined;
  if (hs && edition) hsVersion = { node: hs.node, value: edition };
  else if (hs) reader.unmapped(hs.node, 'no HS edition (2007, 2012, 2017, 2022) in the text');

  return { comments, remarks, currency, hsVersion };
}

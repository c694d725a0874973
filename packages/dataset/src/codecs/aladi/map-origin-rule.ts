/**
 * `GoodsItemOriginRules` is the origin rule the goods meet as the COD writes it: in some
 * agreements a short criterion code, in most a citation of the legal text ("XXXVIII Protocolo
 * Adicional ... ACE 14 - Titulo III - ARTICULO 16"). A short single token is kept as the criterion
 * code; a citation gets the code `LEGAL-REF` (or the code an agreement settles on, an import
 * option) and its full text goes to the remarks, so that it is neither lost nor passed off as a
 * criterion it may not be. `GoodsItemOtherInstances` (DMI, ACU, ...) are
 * the second-line criteria.
 */
import type { CodReader } from './cod-reader.js';
import type { Draft } from './draft.js';
import type { GoodsItemOriginCriterion } from '../../types.generated.js';
import type { XmlNode } from './xml-tree.js';

/** The criterion code of an item whose origin rule is a legal citation (text in the remarks). */
export const legalReferenceCode = 'LEGAL-REF';

/** The code given to citations, and the citations met -> the item numbers citing them. */
export interface OriginRuleNotes {
  readonly citationCode: string;
  readonly citations: Map<string, string[]>;
}

export function originRuleNotes(citationCode: string = legalReferenceCode): OriginRuleNotes {
  return { citationCode, citations: new Map() };
}

// One token of at most 20 characters (the dataset's criterion code is an..20): `A`, `CTH`, `RVC40`.
const criterionCode = /^[A-Za-z0-9][A-Za-z0-9.\-/()%]{0,19}$/;
// "No other instance" in the forms' enumerations (A33: NO, A67: N/A).
const noInstance = new Set(['NO', 'N/A']);

export function readOriginRule(reader: CodReader, goods: XmlNode, at: string, notes: OriginRuleNotes): Draft<GoodsItemOriginCriterion> | undefined {
  const rule = reader.text(goods, 'GoodsItemOriginRules');
  let code: string | undefined;
  if (rule && criterionCode.test(rule.value)) code = rule.value;
  else if (rule) {
    code = notes.citationCode;
    const item = goods.children.find((c) => c.local === 'GoodsOrderNo')?.text.trim() || goods.path;
    notes.citations.set(rule.value, [...(notes.citations.get(rule.value) ?? []), item]);
    reader.converted(rule.node, `${at}/originCriterion/code`, rule.value, `${code} (text in remarks)`);
  }
  const additional: string[] = [];
  const list = reader.child(goods, 'GoodsItemOtherInstancesList');
  reader.children(list, 'GoodsItemOtherInstances').forEach((n) => {
    const v = n.text.trim();
    if (noInstance.has(v.toUpperCase())) reader.converted(n, `${at}/originCriterion/additionalCodes`, v, '(none)');
    else if (v !== '') additional.push(v);
  });
  if (code === undefined && additional.length === 0) return undefined;
  return { ...(code === undefined ? {} : { code }), ...(additional.length > 0 ? { additionalCodes: additional } : {}) };
}

/** The remarks lines of the collected citations: one line per distinct text. */
export function originRuleRemarks(notes: OriginRuleNotes): string[] {
  return [...notes.citations].map(([text, items]) => `Origin rule of item${items.length > 1 ? 's' : ''} ${items.join(', ')}: ${text}`);
}

/**
 * Comparing an importer named on an import declaration with the party named on a certificate:
 * names written by different people differ in case, punctuation, accents and the legal-form words
 * ("Co., Ltd.", "PT", "GmbH"), none of which identify the company; identifiers differ in spacing
 * and separators only.
 */

/** Legal-form words (lower case, without dots) ignored when comparing names. */
const legalForms = new Set([
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'pte', 'pty', 'pvt', 'private', 'public',
  'gmbh', 'ag', 'kg', 'ohg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'slu', 'bv', 'nv', 'oy', 'ab', 'as', 'aps', 'kk', 'yk', 'tbk', 'pt', 'cv', 'ud',
  'sdn', 'bhd', 'berhad', 'jsc', 'jsco', 'tnhh', 'mtv', 'pcl', 'ltda', 'eireli', 'cia',
]);

/** A name reduced to the words that identify the party. */
export function normaliseName(name: string): string {
  const tokens = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  // Initials written with dots or spaces ("S.A.", "P T") become one word ("sa", "pt").
  const words: string[] = [];
  let initials = '';
  for (const t of tokens) {
    if (t.length === 1) {
      initials += t;
      continue;
    }
    if (initials) words.push(initials);
    initials = '';
    words.push(t);
  }
  if (initials) words.push(initials);
  return words.filter((w) => !legalForms.has(w)).join(' ');
}

/** An identifier without spaces, separators and case. */
export function normaliseId(id: string): string {
  return id.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

/** Whether two names designate the same party once case, punctuation and legal forms are ignored. */
export function sameName(a: string, b: string): boolean {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  // A name made only of legal-form words normalises to nothing: compare it literally then.
  return na.length > 0 || nb.length > 0 ? na === nb : a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Case-insensitive substring search done the same way on every backend: the repository stores a
 * folded copy of each name (NFKC, lower case, single spaces) and folds the search term alike,
 * then matches with LIKE '%term%' and an explicit escape character. SQLite's lower() folds only
 * ASCII and PostgreSQL's LIKE is case-sensitive, so folding in SQL would differ between them.
 */

/** The folded form stored in exporter_search / importer_search. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Importer and consignee in one column; the newline separator can never occur in a folded term. */
export function foldNames(names: readonly (string | null)[]): string {
  return names.filter((n): n is string => n !== null && n !== '').map(foldForSearch).join('\n');
}

/** A LIKE pattern matching `term` anywhere, with %, _ and the escape character escaped by `\`. */
export function containsPattern(term: string): string {
  return `%${foldForSearch(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The smallest string greater than every string starting with `prefix` (for a range scan that
 * uses an index on both backends: `col >= prefix AND col < upper`). HS codes are digits, so
 * incrementing the last character is enough.
 */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

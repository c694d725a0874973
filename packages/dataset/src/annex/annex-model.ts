/**
 * The technical annex as a small document model (sections, paragraphs, lists, tables), built from
 * a profile and the catalogue by build-annex.ts and rendered by the Markdown and HTML renderers, so
 * that both outputs say the same thing and escaping lives in the renderers only.
 */

/**
 * A piece of inline text: plain text, a code span (keys, issue codes, endpoints), emphasis, or a
 * placeholder the partners must complete (rendered conspicuously as "[TO COMPLETE: ...]").
 */
export type Inline = string | { readonly code: string } | { readonly strong: string } | { readonly todo: string };

/** Text is one inline or a sequence of them. */
export type Text = Inline | readonly Inline[];

export interface Paragraph {
  readonly kind: 'paragraph';
  readonly text: Text;
}

export interface List {
  readonly kind: 'list';
  readonly items: readonly Text[];
}

export interface Table {
  readonly kind: 'table';
  /** Stable identifier (HTML id), so that tests and links can find a table. */
  readonly id: string;
  readonly caption?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Text[])[];
}

export type Block = Paragraph | List | Table;

export interface Section {
  /** Stable identifier (HTML id, Markdown anchor). */
  readonly id: string;
  /** Title with its number, e.g. "B.2 Business rules in force". */
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly sections: readonly Section[];
}

/** The whole annex. */
export interface AnnexDocument {
  readonly title: string;
  readonly subtitle: string;
  readonly profileId: string;
  readonly datasetVersion: string;
  readonly sections: readonly Section[];
}

/** Small constructors, so that the section builders read as content. */
export const paragraph = (...text: Inline[]): Paragraph => ({ kind: 'paragraph', text });
export const list = (items: readonly Text[]): List => ({ kind: 'list', items });
export const code = (text: string): Inline => ({ code: text });
export const strong = (text: string): Inline => ({ strong: text });
export const todo = (text: string): Inline => ({ todo: text });
export function section(id: string, title: string, blocks: readonly Block[], sections: readonly Section[] = []): Section {
  return { id, title, blocks, sections };
}
export function table(id: string, columns: readonly string[], rows: readonly (readonly Text[])[], caption?: string): Table {
  return { kind: 'table', id, columns, rows, ...(caption === undefined ? {} : { caption }) };
}

/** The plain text of a Text (for tests and for titles). */
export function plainText(text: Text): string {
  const parts: readonly Inline[] = typeof text === 'string' || !Array.isArray(text) ? [text as Inline] : text;
  return parts.map((p) => (typeof p === 'string' ? p : 'code' in p ? p.code : 'strong' in p ? p.strong : `[TO COMPLETE: ${p.todo}]`)).join('');
}

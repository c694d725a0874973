/**
 * The shape of one catalogue entry. The catalogue (elements.ts and its parts) is the single source
 * of truth of the e-CO maximum dataset; types, JSON Schema, XSD, docs and annex tables are generated
 * from a list of these entries.
 */

/** Where an entry's WCO Data Model ID comes from (DOMAIN.md §5). */
export const idProvenances = ['wco-dm-3.6', 'co-mapping', 'unassigned'] as const;
export type IdProvenance = (typeof idProvenances)[number];

/** Value types of leaf elements, in JSON terms. */
export const valueTypes = ['text', 'code', 'date', 'datetime', 'decimal', 'integer', 'boolean', 'binary'] as const;
export type ValueType = (typeof valueTypes)[number];

/** Groups used to organise the reference documentation and the annex tables. */
export const groups = [
  'header',
  'parties',
  'transport',
  'goods',
  'totals',
  'invoices',
  'declaration',
  'certification',
  'special-cases',
  'replacement',
  'self-declaration',
  'remarks',
  'attachments',
] as const;
export type Group = (typeof groups)[number];

/** Code lists an element can be bound to; see src/codelists/. */
export const codeListIds = [
  'iso3166-alpha2',
  'iso4217',
  'unece-rec20',
  'unece-rec21',
  'unece-rec19',
  'unece-rec28',
  'hs2022-subheading',
  'hs-version',
  'document-type',
  'replacement-reason',
  'exporter-authorisation-type',
] as const;
export type CodeListId = (typeof codeListIds)[number];

/** Document kinds: a certificate issued by an authority, or a self-declaration by an exporter. */
export const documentKinds = ['certificate', 'declaration'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Cardinality in the WCO notation: `min..max`, max `n` meaning unbounded. */
export type Cardinality = `${number}..${number | 'n'}`;

/** A dataset version, semantic-versioning style. */
export type DatasetVersion = `${number}.${number}.${number}`;

/** A recorded change of one field of an entry, so that earlier versions can be reconstructed. */
export interface EntryChange {
  readonly version: DatasetVersion;
  readonly field: 'format' | 'cardinality' | 'codeList' | 'wcoId' | 'type';
  /** The value before `version` (undefined: the field was absent). */
  readonly from: string | undefined;
}

interface EntryBase {
  /** Stable key: dot path, `[]` after an array, e.g. `goodsItems[].hsCode`. Never reused. */
  readonly key: string;
  readonly name: string;
  /** Generic definition (WCO DM wording where an ID exists). */
  readonly definition: string;
  /** Origin-specific definition, where the generic one is not precise enough for a CO. */
  readonly originDefinition?: string;
  readonly wcoId?: string;
  readonly idProvenance: IdProvenance;
  readonly cardinality: Cardinality;
  readonly group: Group;
  /** XML element name in the project's namespace (WCO DM tag names where they exist). */
  readonly xmlName: string;
  /** The dataset version that introduced the entry. */
  readonly since: DatasetVersion;
  /** The dataset version that removed it (absent: still in the dataset). */
  readonly removedIn?: DatasetVersion;
  readonly changes?: readonly EntryChange[];
  /** Document kinds the entry applies to (absent: both). */
  readonly kinds?: readonly DocumentKind[];
}

/** An aggregate (WCO DM class): has children, no value of its own. */
export interface ClassEntry extends EntryBase {
  readonly kind: 'class';
}

/** A leaf data element. */
export interface ElementEntry extends EntryBase {
  readonly kind: 'element';
  readonly type: ValueType;
  /** WCO format: `an..70`, `a2`, `n..16,6`, `n3`. */
  readonly format: string;
  readonly codeList?: CodeListId;
  /** Extra lexical constraint on text/code values (a JavaScript/XSD-compatible regex, anchored). */
  readonly pattern?: string;
}

export type CatalogueEntry = ClassEntry | ElementEntry;

/** The catalogue: its version and its entries in document order. */
export interface Catalogue {
  readonly version: DatasetVersion;
  readonly entries: readonly CatalogueEntry[];
}

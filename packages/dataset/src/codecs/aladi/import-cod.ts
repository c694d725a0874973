/**
 * importAladiCod: an ALADI COD (Certificado de Origen Digital) XML document to a dataset draft.
 * Guard (size, DOCTYPE), parse, find the envelope and form, map, then report every element nobody
 * mapped. The draft is validated afterwards by validateDocument, with the agreement's profile.
 */
import { finishIssues, hasNoErrors } from '../../validation/validate.js';
import type { Issue, RawIssue } from '../../validation/issue.js';
import { CodReader } from './cod-reader.js';
import type { EcoDocumentDraft } from './draft.js';
import { codPath, findCodParts, isSupportedForm, supportedAladiForms } from './envelope.js';
import { mapForm, readAgreement } from './map-form.js';
import { sweepUnmapped } from './unmapped-sweep.js';
import { defaultXmlLimits, guardXml, type XmlLimits } from './xml-guard.js';
import { parseXmlTree, type XmlNode } from './xml-tree.js';

export interface AladiImportOptions extends Partial<XmlLimits> {
  /**
   * The origin criterion code given to goods whose origin rule is a legal citation rather than a
   * code (default `LEGAL-REF`); the citation itself always goes to the remarks. An agreement whose
   * partners settle on a code for cited norms passes it here.
   */
  readonly citationCriterionCode?: string;
}

/** The result of importing a COD. `ok` is false when an error stopped or spoiled the import. */
export interface AladiImport {
  readonly ok: boolean;
  /** The mapped document, to be checked with validateDocument; absent when the import failed. */
  readonly document?: EcoDocumentDraft;
  /** Import issues: conversions (info), unmapped elements (warning), errors. */
  readonly issues: readonly Issue[];
  /** The form without its `Form` prefix (`A18`), when the COD has one. */
  readonly form: string | undefined;
  /** The declared COD version (`CODVer`), e.g. `1.8.0`. */
  readonly codVersion: string | undefined;
  /** The dataset agreement code (`ACE14`), when the acronym is in the agreement table. */
  readonly agreement: string | undefined;
}

/** What the import saw, before issues are finished; tests use the tree and the reader. */
export interface CodReading {
  readonly raw: readonly RawIssue[];
  readonly document: EcoDocumentDraft | undefined;
  readonly form: string | undefined;
  readonly codVersion: string | undefined;
  readonly agreement: string | undefined;
  readonly root: XmlNode | undefined;
  readonly reader: CodReader | undefined;
}

const failed = (issue: RawIssue): CodReading => ({ raw: [issue], document: undefined, form: undefined, codVersion: undefined, agreement: undefined, root: undefined, reader: undefined });

/** Reads a COD: the raw issues, the draft, and the parsed tree with its account of mapped elements. */
export function readCod(xml: string, options: AladiImportOptions = {}): CodReading {
  const limits: XmlLimits = { maxBytes: options.maxBytes ?? defaultXmlLimits.maxBytes, maxDepth: options.maxDepth ?? defaultXmlLimits.maxDepth };
  const refused = guardXml(xml, limits);
  if (refused) return failed(refused);
  const parsed = parseXmlTree(xml, limits);
  if ('issue' in parsed) return failed(parsed.issue);
  const root = parsed.root;
  const reader = new CodReader();
  const parts = findCodParts(root, reader);
  if (!parts) return failed({ code: 'aladi.not-cod', path: '', params: { root: root.name, expected: codPath } });

  const base = { root, reader, codVersion: parts.version, form: parts.form?.name };
  const agreement = readAgreement(reader, parts.cod);
  if (!parts.form || !isSupportedForm(parts.form.name)) {
    reader.report({ code: 'aladi.unsupported-form', path: '', params: { form: parts.form?.name ?? '(none)', supported: supportedAladiForms.join(', ') } });
    return { ...base, agreement, raw: reader.issues, document: undefined };
  }
  const document = mapForm(reader, parts, parts.form, { agreement, citationCriterionCode: options.citationCriterionCode });
  sweepUnmapped(root, reader);
  return { ...base, agreement, raw: reader.issues, document };
}

/**
 * Imports an ALADI COD into a dataset draft. Never throws for bad input: refused, malformed or
 * unsupported input returns `ok: false` with issues. Unmapped elements are warnings: the import
 * still succeeds, and the draft goes on to validateDocument.
 */
export function importAladiCod(xml: string, options: AladiImportOptions = {}): AladiImport {
  const r = readCod(xml, options);
  const issues = finishIssues(r.raw);
  const ok = r.document !== undefined && hasNoErrors(issues);
  return { ok, ...(ok && r.document ? { document: r.document } : {}), issues, form: r.form, codVersion: r.codVersion, agreement: r.agreement };
}

/**
 * @originlink/dataset: the e-CO maximum dataset. Pure: no I/O, no network, no database.
 * Catalogue (single source of truth), validation, codecs, agreement profiles, technical annex.
 */
export * from './catalogue/entry.js';
export { catalogue, currentDatasetVersion, datasetVersions } from './catalogue/catalogue.js';
export { catalogueAt, compareVersions, isKnownVersion } from './catalogue/versions.js';
export { catalogueTree, parseCardinality, type ClassNode, type ElementNode, type RootNode, type TreeNode } from './catalogue/tree.js';
export { parseFormat, type FormatSpec } from './catalogue/format.js';
export { codeList, type CodeList } from './codelists/code-lists.js';
export type * from './types.generated.js';
export * from './validation/issue.js';
export { issueCodes, isIssueCode, type IssueCode } from './validation/issue-codes.js';
export type { IssueCodeSpec } from './validation/issue-code-spec.js';
export { messagesEn, messageEn } from './validation/messages-en.js';
export { validateDocument, documentKind, finishIssues, hasNoErrors, type ValidateOptions } from './validation/validate.js';
export { rules } from './validation/rules/index.js';
export type { Rule } from './validation/rules/rule.js';
export * from './profiles/index.js';
export * as annex from './annex/index.js';
export { buildAnnex, renderAnnexMarkdown, renderAnnexHtml } from './annex/index.js';
export { diffCatalogues, renderDiffText, diffFields, type CatalogueDiff, type ElementDiff, type FieldChange, type ProfileKeyProblem, type DiffField } from './catalogue/diff.js';
export { canonicalJson, canonicalBytes } from './codecs/canonical-json.js';
export { encodeXml, decodeXml, ecoNamespace, type EncodeXmlOptions, type XmlLimits } from './codecs/xml/index.js';
export * from './codecs/aladi/index.js';
export { decodeInput, detectFormat, inputFormats, type DecodedInput, type InputFormat } from './input/decode-input.js';
export { renderJsonSchema, jsonSchemaId, type JsonSchema, type JsonSchemaOptions } from './generators/json-schema.js';
export { renderXsd } from './generators/xsd.js';

/**
 * The technical annex of an agreement profile: the model (build-annex.ts) and its Markdown and
 * HTML renderings.
 */
export type { AnnexDocument, Block, Inline, List, Paragraph, Section, Table, Text } from './annex-model.js';
export { plainText } from './annex-model.js';
export { buildAnnex } from './build-annex.js';
export { renderAnnexMarkdown, escapeMarkdown } from './render-markdown.js';
export { renderAnnexHtml, escapeHtml } from './render-html.js';
export { groupDescriptions } from './clusters.js';
export { annexMessageKinds } from './flows.js';

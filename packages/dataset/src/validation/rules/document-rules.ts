/**
 * Whole-document rules: the parties a proof needs, the blocks each kind of document needs, the
 * special-case boxes and the blocks they require, replacement, attachments.
 */
import { createHash } from 'node:crypto';
import { bool, items, obj, str } from './read.js';
import type { Rule } from './rule.js';

export const partyRules: Rule = {
  name: 'parties',
  codes: ['rule.importer-or-consignee-missing', 'rule.same-country'],
  check(ctx) {
    if (ctx.document['importer'] === undefined && ctx.document['consignee'] === undefined) ctx.report('rule.importer-or-consignee-missing', '/consignee');
    const header = obj(ctx.document['header']);
    const from = str(header?.['issuingCountry']);
    if (from !== undefined && from === str(header?.['importingCountry'])) ctx.report('rule.same-country', '/header/importingCountry', { country: from });
  },
};

export const documentKindRules: Rule = {
  name: 'certification or self-declaration',
  codes: ['rule.certification-missing', 'rule.declaration-authorisation-missing'],
  check(ctx) {
    if (ctx.kind === 'certificate' && ctx.document['certification'] === undefined) ctx.report('rule.certification-missing', '/certification');
    // A selfDeclaration block without the number is already `structure.required`; report the block's absence only.
    if (ctx.kind === 'declaration' && obj(ctx.document['selfDeclaration']) === undefined) {
      ctx.report('rule.declaration-authorisation-missing', '/selfDeclaration/exporterAuthorisationNumber');
    }
  },
};

export const specialCaseRules: Rule = {
  name: 'special cases',
  codes: ['rule.back-to-back-original-missing', 'rule.back-to-back-not-marked', 'rule.exhibition-details-missing', 'rule.third-party-operator-missing'],
  check(ctx) {
    const flags = obj(ctx.document['specialCases']);
    const backToBack = bool(flags?.['backToBack']) || bool(flags?.['movementCertificate']);
    const original = obj(ctx.document['backToBack']);
    // An original-proof block without its number is already `structure.required`: report the missing block only.
    if (backToBack && original === undefined) ctx.report('rule.back-to-back-original-missing', '/backToBack/originalNumber');
    if (!backToBack && original !== undefined) ctx.report('rule.back-to-back-not-marked', '/specialCases/backToBack');
    if (bool(flags?.['exhibition']) && ctx.document['exhibition'] === undefined) ctx.report('rule.exhibition-details-missing', '/exhibition');
    if (bool(flags?.['thirdPartyInvoicing']) && ctx.document['thirdPartyOperator'] === undefined) ctx.report('rule.third-party-operator-missing', '/thirdPartyOperator');
  },
};

export const replacementRules: Rule = {
  name: 'replacement',
  codes: ['rule.replacement-number-missing', 'rule.replacement-self'],
  check(ctx) {
    const replacement = obj(ctx.document['replacement']);
    if (!replacement) return;
    const replaced = str(replacement['replacedNumber']);
    if (replaced === undefined) ctx.report('rule.replacement-number-missing', '/replacement/replacedNumber');
    else if (replaced === str(obj(ctx.document['header'])?.['number'])) ctx.report('rule.replacement-self', '/replacement/replacedNumber', { value: replaced });
  },
};

export const attachmentRules: Rule = {
  name: 'attachments',
  codes: ['rule.attachment-content-missing', 'rule.attachment-digest-missing', 'rule.attachment-digest-mismatch'],
  check(ctx) {
    for (const { value, path } of items(ctx.document, 'attachments')) {
      const content = str(value['content']);
      const uri = str(value['uri']);
      const digest = str(value['sha256']);
      if (content === undefined && uri === undefined) ctx.report('rule.attachment-content-missing', path);
      if (content === undefined && uri !== undefined && digest === undefined) ctx.report('rule.attachment-digest-missing', `${path}/sha256`);
      if (content !== undefined && digest !== undefined) {
        const actual = createHash('sha256').update(Buffer.from(content, 'base64')).digest('hex');
        if (actual !== digest) ctx.report('rule.attachment-digest-mismatch', `${path}/sha256`, { expected: digest, actual });
      }
    }
  },
};

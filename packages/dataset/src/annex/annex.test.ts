import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { catalogueAt } from '../catalogue/versions.js';
import { builtinProfiles, findProfile } from '../profiles/builtin.js';
import type { Profile } from '../profiles/profile-schema.js';
import { issueCodes } from '../validation/issue-codes.js';
import { plainText, type AnnexDocument, type Section, type Table } from './annex-model.js';
import { buildAnnex } from './build-annex.js';
import { renderAnnexHtml } from './render-html.js';
import { renderAnnexMarkdown } from './render-markdown.js';
import { usedEntries } from '../profiles/used-elements.js';

const catalogue = catalogueAt('1.1.0');
const rcep = findProfile('rcep-certificate')!;

function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.sections)]);
}
function findTable(model: AnnexDocument, id: string): Table {
  for (const s of allSections(model.sections)) for (const b of s.blocks) if (b.kind === 'table' && b.id === id) return b;
  assert.fail(`no table ${id}`);
}
const column = (t: Table, name: string) => t.rows.map((r) => plainText(r[t.columns.indexOf(name)]!));

describe('buildAnnex (RCEP certificate)', () => {
  const model = buildAnnex(rcep, catalogue);

  it('has the GNC Utility Block sections and the data elements, in order', () => {
    assert.deepEqual(model.sections.map((s) => s.title), ['A. Business case and legal framework', 'B. Process alignment', 'C. Technical interoperability', 'D. Data elements']);
    assert.deepEqual(allSections(model.sections).map((s) => s.id), [
      'business-case-and-legal-framework', 'business-case', 'legal-framework',
      'process-alignment', 'flows', 'business-rules', 'entities', 'data-clusters',
      'technical-interoperability', 'service-interface', 'communication', 'security',
      'data-elements', 'element-table', 'elements-not-used', 'origin-criteria',
    ]);
  });

  it('states the agreement facts and marks what the partners must complete', () => {
    const facts = findTable(model, 'agreement-facts');
    const byItem = new Map(facts.rows.map((r) => [plainText(r[0]!), plainText(r[1]!)]));
    assert.equal(byItem.get('In force since'), '2022-01-01');
    assert.match(byItem.get('Parties')!, /^Australia \(AU\), .*Viet ?nam \(VN\)$/);
    assert.match(byItem.get('Legal basis')!, /Annex 3B/);
    assert.match(renderAnnexMarkdown(model), /\*\*\\\[TO COMPLETE: instrument that makes this annex binding/);
  });

  it('lists the message kinds of the models in use, and not the others', () => {
    const kinds = column(findTable(model, 'message-kinds'), 'Message kind');
    assert.deepEqual(kinds, ['co.issued', 'co.replaced', 'co.cancelled', 'verification.request', 'verification.response', 'pull.request', 'pull.response', 'receipt']);
  });

  it('lists the rules in force with their registry summary and the agreement values', () => {
    const t = findTable(model, 'business-rules');
    const codes = column(t, 'Issue code');
    for (const c of codes) assert.ok(c in issueCodes, c);
    const value = (code: string) => plainText(t.rows[codes.indexOf(code)]![t.columns.indexOf('Agreement value')]!);
    assert.equal(value('rule.validity-too-long'), '12 months from the issue date');
    assert.equal(value('rule.issued-after-departure'), "3 days' grace after departure");
    assert.equal(value('profile.hs-digits'), '6 digits');
    assert.equal(value('rule.fob-missing'), 'RVC');
    assert.equal(value('profile.origin-criterion'), 'WO, PE, CTC, RVC, CR');
    assert.equal(plainText(t.rows[codes.indexOf('rule.same-country')]![t.columns.indexOf('Check')]!), issueCodes['rule.same-country'].summary);
    // RCEP prints no RVC percentage, uses no exhibition box, and issues certificates, not declarations.
    for (const absent of ['rule.rvc-missing', 'rule.exhibition-details-missing', 'rule.declaration-authorisation-missing', 'profile.form-type']) assert.ok(!codes.includes(absent), absent);
    for (const present of ['rule.certification-missing', 'rule.importer-or-consignee-missing', 'rule.back-to-back-original-missing', 'rule.retroactive-too-late']) assert.ok(codes.includes(present), present);
  });

  it('has one element row per element the profile uses, with the cardinality as the profile uses it', () => {
    const t = findTable(model, 'elements');
    const used = usedEntries(rcep, catalogue);
    assert.equal(t.rows.length, used.length);
    const keys = column(t, 'Key');
    assert.deepEqual(keys, used.map((u) => u.entry.key));
    const row = (key: string) => t.rows[keys.indexOf(key)]!.map((c) => plainText(c));
    assert.deepEqual(row('goodsItems[].originCountry'), ['goodsItems[].originCountry', 'Country of origin, coded', '063', 'wco-dm-3.6', 'a2', '1..1', 'required by the agreement', 'iso3166-alpha2', catalogue.entries.find((e) => e.key === 'goodsItems[].originCountry')!.originDefinition!]);
    assert.equal(row('producers')[5], '0..n');
    assert.equal(row('importer')[6], 'optional');
    for (const excluded of ['selfDeclaration', 'selfDeclaration.uniqueReference', 'exhibition', 'exhibition.name', 'specialCases.deMinimis']) assert.ok(!keys.includes(excluded), excluded);
    assert.ok(keys.includes('certification.authorityName'));
  });

  it('lists the elements not used and the origin criteria', () => {
    assert.deepEqual(column(findTable(model, 'elements-not-used'), 'Key'), ['specialCases.exhibition', 'specialCases.accumulation', 'specialCases.partialCumulation', 'specialCases.deMinimis', 'specialCases.movementCertificate', 'exhibition', 'selfDeclaration']);
    const criteria = findTable(model, 'origin-criteria');
    assert.deepEqual(column(criteria, 'Criterion'), ['WO', 'PE', 'CTC', 'RVC', 'CR']);
    assert.equal(column(criteria, 'FOB value')[3], 'required');
  });

  it('states the communication and security settings of the profile', () => {
    const communication = new Map(findTable(model, 'communication').rows.map((r) => [plainText(r[0]!), plainText(r[1]!)]));
    assert.match(communication.get('Mutual TLS')!, /^required/);
    assert.match(communication.get('Retry horizon')!, /^7 days/);
    const security = plainText(findTable(model, 'security').rows[0]![1]!);
    assert.match(security, /RFC 8785/);
    assert.match(security, /ES256, EdDSA/);
    assert.deepEqual(column(findTable(model, 'endpoints'), 'Endpoint').slice(0, 2), ['POST /partner/v1/messages', 'GET /.well-known/originlink.json']);
  });
});

describe('buildAnnex across profiles', () => {
  it('shows the declaration flow and no certification for the RCEP declaration', () => {
    const model = buildAnnex(findProfile('rcep-declaration')!, catalogue);
    const kinds = column(findTable(model, 'message-kinds'), 'Message kind');
    assert.ok(kinds.includes('declaration.issued') && !kinds.includes('co.issued'));
    const keys = column(findTable(model, 'elements'), 'Key');
    assert.ok(keys.includes('selfDeclaration.uniqueReference') && !keys.some((k) => k.startsWith('certification')));
    assert.ok(column(findTable(model, 'business-rules'), 'Issue code').includes('rule.declaration-authorisation-missing'));
  });
  it('shows the ChKFTA transition cut-over and the ACE 14 validity in days', () => {
    const chkfta = renderAnnexMarkdown(buildAnnex(findProfile('chkfta-certificate')!, catalogue));
    assert.match(chkfta, /Transition: until 2016-10-01/);
    const ace14 = buildAnnex(findProfile('ace14-form-a18')!, catalogue);
    const rows = findTable(ace14, 'business-rules');
    const codes = column(rows, 'Issue code');
    assert.equal(plainText(rows.rows[codes.indexOf('rule.validity-too-long')]![4]!), '180 days from the issue date');
    assert.ok(!codes.includes('rule.retroactive-too-late'));
    assert.ok(column(findTable(ace14, 'message-kinds'), 'Message kind').every((k) => k !== 'co.utilisation'));
  });
  it('shows utilisation notices where the agreement uses them (ASEAN)', () => {
    const kinds = column(findTable(buildAnnex(findProfile('acfta-form-e')!, catalogue), 'message-kinds'), 'Message kind');
    assert.ok(kinds.includes('co.utilisation'));
  });
});

describe('renderAnnexHtml', () => {
  const hostile: Profile = { ...rcep, title: 'RCEP <script>alert(1)</script> & "co"', agreement: { ...rcep.agreement, name: 'R&D <b>Partnership</b>' }, notes: "it's < 5 & > 3" };

  for (const profile of [...builtinProfiles, hostile]) {
    it(`is well-formed and has unique ids (${profile.id}${profile === hostile ? ', hostile text' : ''})`, () => {
      const html = renderAnnexHtml(buildAnnex(profile, catalogue));
      assert.equal(XMLValidator.validate(html), true);
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(ids).size, ids.length);
      assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    });
  }

  it('escapes < & " and quotes from profile text', () => {
    const html = renderAnnexHtml(buildAnnex(hostile, catalogue));
    assert.ok(!html.includes('<script>') && !html.includes('<b>'));
    assert.ok(html.includes('RCEP &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;'));
    assert.ok(html.includes('R&amp;D &lt;b&gt;Partnership&lt;/b&gt;'));
    assert.ok(html.includes('it&#39;s &lt; 5 &amp; &gt; 3'));
  });

  it('is self-contained: inline style, no script, no external resource', () => {
    const html = renderAnnexHtml(buildAnnex(rcep, catalogue));
    assert.match(html, /<style>/);
    assert.ok(!/<script|<link|src=/.test(html));
  });

  it('renders the element table with one row per element used', () => {
    const html = renderAnnexHtml(buildAnnex(rcep, catalogue));
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['tr', 'table', 'section'].includes(name) }).parse(html) as Record<string, unknown>;
    const tables: { '@_id': string; tbody: { tr: unknown[] } }[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        for (const [k, child] of Object.entries(v)) {
          if (k === 'table') tables.push(...(child as typeof tables));
          walk(child);
        }
      }
    };
    walk(parsed);
    const elements = tables.find((t) => t['@_id'] === 'table-elements');
    assert.ok(elements);
    assert.equal(elements.tbody.tr.length, usedEntries(rcep, catalogue).length);
  });
});

describe('renderAnnexMarkdown', () => {
  it('escapes Markdown punctuation in text and pipes in table cells', () => {
    const profile: Profile = { ...rcep, agreement: { ...rcep.agreement, legalBasis: 'Art. 3 | *bold* _x_ <tag> [link]' } };
    const md = renderAnnexMarkdown(buildAnnex(profile, catalogue));
    assert.ok(md.includes('Art. 3 \\| \\*bold\\* \\_x\\_ \\<tag\\> \\[link\\]'));
  });
  it('renders every table with as many cells per row as columns', () => {
    const md = renderAnnexMarkdown(buildAnnex(rcep, catalogue));
    const blocks = md.split('\n\n').filter((b) => b.includes('\n|---'));
    assert.ok(blocks.length >= 10);
    for (const b of blocks) {
      const lines = b.split('\n').filter((l) => l.startsWith('|'));
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (const l of lines) assert.equal(cells(l), cells(lines[0]!), l);
    }
  });
});

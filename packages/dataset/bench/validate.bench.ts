/**
 * Benchmark: full validation (validateDocument with the ATIGA Form D profile: structure, code lists
 * and business rules) of a typical 10-item certificate, side by side in the same run with ajv
 * compiled from the generated JSON Schema (structure only). Run: `npm run bench -w @originlink/dataset`.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { catalogue, currentDatasetVersion } from '../src/catalogue/catalogue.js';
import { catalogueAt } from '../src/catalogue/versions.js';
import { renderJsonSchema } from '../src/generators/json-schema.js';
import { findProfile } from '../src/profiles/builtin.js';
import { noUsageConstraints } from '../src/validation/element-usage.js';
import type { RawIssue } from '../src/validation/issue.js';
import { compileStructure } from '../src/validation/structure-validator.js';
import { validateDocument } from '../src/validation/validate.js';

const now = new Date('2026-11-01T00:00:00Z');
const profile = findProfile('atiga-form-d');
if (!profile) throw new Error('atiga-form-d profile missing');

type Item = { packages: { quantity: number }; grossWeight: { value: number }; fobValue: { amount: number } };
type Certificate = { goodsItems: Item[]; invoices: { number: string }[]; totals: Record<string, unknown>; remarks?: string };

/** The 12-item auto-parts certificate of the corpus cut to its first 10 items, totals recomputed exactly. */
function tenItemCertificate(): Certificate {
  const doc = JSON.parse(readFileSync(new URL('../corpus/valid/atiga-d-th-my-auto-parts-12-items.json', import.meta.url), 'utf8')) as Certificate;
  doc.goodsItems = doc.goodsItems.slice(0, 10);
  const thousandths = (values: number[]) => values.reduce((a, v) => a + Math.round(v * 1000), 0) / 1000;
  doc.totals = {
    itemCount: 10,
    packageCount: doc.goodsItems.reduce((a, i) => a + i.packages.quantity, 0),
    grossWeight: { value: thousandths(doc.goodsItems.map((i) => i.grossWeight.value)), unitCode: 'KGM' },
    fobValue: { amount: thousandths(doc.goodsItems.map((i) => i.fobValue.amount)), currency: 'USD' },
  };
  delete doc.remarks;
  return doc;
}

const document = tenItemCertificate();
const check = validateDocument(document, { profile, now });
if (!check.ok || check.issues.length > 0) throw new Error(`the benchmark document is not valid: ${JSON.stringify(check.issues)}`);

const ajv = new Ajv2020({ strict: true, allErrors: true });
// ajv-formats is CommonJS: under NodeNext its default import is the module, whose `default` is the plugin.
formats.default(ajv);
const ajvValidate = ajv.compile(renderJsonSchema(catalogue));
if (!ajvValidate(document)) throw new Error(`ajv rejects the benchmark document: ${JSON.stringify(ajvValidate.errors)}`);
// ajv scans an `enum` linearly with a deep-equal per entry: the inlined code lists (249 countries,
// 178 currencies, 216 means types) cost it about half its time; this variant shows the schema without them.
const ajvWithoutLists = ajv.compile({ ...renderJsonSchema(catalogue, { maxInlinedCodes: 0 }), $id: 'urn:originlink:bench:no-code-lists' });

const structureOnly = compileStructure(catalogueAt(currentDatasetVersion), { usage: noUsageConstraints, kind: 'certificate' });

const contenders: { name: string; run: () => void }[] = [
  { name: 'OriginLink validateDocument (structure + code lists + rules, profile atiga-form-d)', run: () => void validateDocument(document, { profile, now }) },
  { name: 'OriginLink structure and code lists only (no rules, no profile)', run: () => { const issues: RawIssue[] = []; structureOnly(document, issues); } },
  { name: 'ajv 2020-12, generated JSON Schema (structure and small code lists)', run: () => void ajvValidate(document) },
  { name: 'ajv 2020-12, generated JSON Schema without code lists (maxInlinedCodes: 0)', run: () => void ajvWithoutLists(document) },
];

/** Certificates per second over one round of about `ms` milliseconds. */
function round(run: () => void, ms: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 200; i++) run();
    n += 200;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 7);
const roundMs = Number(process.env['BENCH_ROUND_MS'] ?? 1000);

console.log(`Validating a ${document.goodsItems.length}-item ATIGA Form D certificate (${JSON.stringify(document).length} bytes of JSON)`);
console.log(`node ${process.version}; warm-up 2 x ${roundMs} ms each, then ${rounds} interleaved rounds of ${roundMs} ms\n`);
for (const c of contenders) for (let i = 0; i < 2; i++) round(c.run, roundMs);
const results = contenders.map(() => [] as number[]);
for (let r = 0; r < rounds; r++) contenders.forEach((c, i) => results[i]!.push(round(c.run, roundMs)));

const medians = results.map(median);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);
contenders.forEach((c, i) => {
  const m = medians[i]!;
  console.log(`${fmt(m)} certificates/s  ${(1e6 / m).toFixed(1).padStart(7)} us each  ${c.name}`);
  console.log(`             rounds: ${results[i]!.map((x) => Math.round(x).toLocaleString('en-US')).join(', ')}`);
});
const full = medians[0]!;
const ajvRate = medians[2]!;
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
console.log(`\nfull validation / ajv (generated schema): ${pct(full, ajvRate)}; full validation / ajv (schema without code lists): ${pct(full, medians[3]!)}`);
console.log(`structure and code lists only / ajv (generated schema): ${pct(medians[1]!, ajvRate)}`);

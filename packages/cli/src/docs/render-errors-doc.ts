/**
 * docs/reference/errors.md, generated from the code registries: the dataset's issue codes, the
 * protocol's codes, the gateway's HTTP errors and the exchange codes it puts in receipts. The
 * drift test (errors-doc.test.ts) and `npm run gen:check` fail when the file and the code differ.
 */
import { issueCodes } from '@originlink/dataset';
import { claimReasonCodes, exchangeCodes, gatewayErrors } from '@originlink/gateway';
import { protocolCodes } from '@originlink/protocol';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function families(): Map<string, [string, { severity: string; summary: string }][]> {
  const out = new Map<string, [string, { severity: string; summary: string }][]>();
  for (const [code, spec] of Object.entries(issueCodes)) {
    const family = code.split('.')[0]!;
    out.set(family, [...(out.get(family) ?? []), [code, spec]]);
  }
  return out;
}

const familyTitles: Record<string, string> = {
  structure: 'Structure (shape, formats, cardinalities; derived from the catalogue)',
  codelist: 'Code lists',
  rule: 'Business rules',
  profile: 'Agreement profile checks',
  input: 'Input detection',
  json: 'JSON decoding',
  xml: 'OriginLink XML decoding',
  aladi: 'ALADI COD import',
};

export function renderErrorsDoc(): string {
  const lines: string[] = [
    '# Error and issue codes',
    '',
    '<!-- Generated from the code registries by `npm run gen`; do not edit by hand. -->',
    '',
    'Every code OriginLink reports is listed here. Codes are stable: they are never renamed or reused, so programs can switch on them. Messages (the English text) may improve; codes do not change.',
    '',
    '- **Validation issues** (`structure.*`, `codelist.*`, `rule.*`, `profile.*`, `input.*`, `json.*`, `xml.*`, `aladi.*`) come from the dataset package. Each has a JSON-pointer `path` into the document, `params`, a `severity` and a `message`. Errors make a document invalid; warnings and information do not. They appear in `originlink validate` output, in the `issues` of a 422 `certificate.invalid` problem, and in the `issues` of a rejected receipt (paths then start with `/payload/certificate`).',
    '- **Protocol codes** (`protocol.*`) describe why a gateway refused a partner message; they appear in signed rejection receipts and, when no receipt can be addressed, in a 400 problem.',
    '- **Exchange codes** (`exchange.*`) are business refusals of a verified partner message, in receipts.',
    "- **Claim reasons** (`claim.*` in a decision's `reasons`) explain a clearance decision.",
    '- **HTTP errors** of the national and partner APIs are RFC 9457 `application/problem+json` bodies with `type` `urn:originlink:error:<code>`, the `code`, a `detail` and the request id in `instance`.',
    '',
    '## Validation issues',
    '',
  ];
  for (const [family, codes] of families()) {
    lines.push(`### ${familyTitles[family] ?? family}`, '', '| Code | Severity | Meaning |', '|---|---|---|');
    for (const [code, spec] of codes) lines.push(`| \`${code}\` | ${spec.severity} | ${cell(spec.summary)} |`);
    lines.push('');
  }
  lines.push('## Protocol codes', '', '| Code | HTTP status when no receipt can be sent | Meaning |', '|---|---|---|');
  for (const [code, spec] of Object.entries(protocolCodes)) lines.push(`| \`${code}\` | ${spec.httpStatus} | ${cell(spec.summary)} |`);
  lines.push('', '## Exchange codes (in receipts)', '', '| Code | Meaning |', '|---|---|');
  for (const [code, summary] of Object.entries(exchangeCodes)) lines.push(`| \`${code}\` | ${cell(summary)} |`);
  lines.push('', '## Claim decision reasons', '', 'Each reason of a clearance claim\'s decision (`POST /api/v1/claims`) has an effect: `reject` makes the decision rejected, `review` sends it to manual review, `info` only informs.', '', '| Code | Effect | Meaning |', '|---|---|---|');
  for (const [code, spec] of Object.entries(claimReasonCodes)) lines.push(`| \`${code}\` | ${spec.effect} | ${cell(spec.summary)} |`);
  lines.push('', '## HTTP errors (problem+json)', '', '| Code | Status | Meaning |', '|---|---|---|');
  for (const [code, spec] of Object.entries(gatewayErrors)) lines.push(`| \`${code}\` | ${spec.status} | ${cell(spec.title)} |`);
  lines.push('');
  return lines.join('\n');
}

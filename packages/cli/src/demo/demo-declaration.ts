/**
 * Demo step 9, self-declaration: China's issuing authority registers an exporter, the exporter's
 * RCEP declaration of origin (type 862) is exchanged like a certificate and claimed at Korea's
 * customs, which asks China whether the exporter was registered on the declaration's date and gets
 * a signed statement its gateway verifies with China's pinned key.
 */
import { api, deliveredMessage, expectStatus } from './demo-api.js';
import { claim, decisionText, receivedId, say, type DemoContext } from './demo-context.js';
import { declarationExporter, declarationOfOrigin } from './demo-documents.js';

interface Lookup { readonly statement: Record<string, unknown>; readonly kid: string }

export async function declarationStep(ctx: DemoContext): Promise<void> {
  ctx.io.out('\n9. Self-declaration: an RCEP declaration of origin (862) by a registered exporter, and the registry lookup');
  const [cn, kr] = [ctx.gateway('CN'), ctx.gateway('KR')];
  const registration = { name: 'Zhoushan Ocean Canning Co., Ltd.', authorisationType: 'registered', validFrom: '2026-01-01', status: 'active' };
  expectStatus(await api(cn, 'issuer', 'PUT', `/api/v1/exporters/${declarationExporter}`, registration), 200, `CN: register ${declarationExporter}`);
  say(ctx, 'CN', `registers exporter ${declarationExporter}`, 'PUT /api/v1/exporters/{id}: registered, valid from 2026-01-01');

  const doc = await declarationOfOrigin('CN-DO-26-00388');
  const issued = expectStatus<{ messageId: string }>(await api(cn, 'issuer', 'POST', '/api/v1/certificates', doc), 202, `CN: submit ${doc.header.number}`);
  await deliveredMessage(cn, issued.messageId, `declaration ${doc.header.number}`);
  await receivedId(kr, doc.header.number);
  say(ctx, 'CN', `-> KR  declaration ${doc.header.number}`, 'declaration.issued delivered, signed receipt accepted');
  const c = await claim(kr, {
    certificateNumber: doc.header.number, issuingCountry: 'CN', agreement: 'RCEP', declarationReference: 'KR-IMP-DO-1', declarationDate: '2026-06-22',
    importer: { name: 'Pyeongtaek Seafood Distribution' }, items: [{ line: 1, hsCode: '1604149000', quantity: 10_000, unitCode: 'KGM', invoiceNumber: 'SKT-KR-2606-02' }],
  });
  say(ctx, 'KR', `claim on ${doc.header.number}: 10000 KGM`, decisionText(c));

  const date = String((doc.header as Record<string, unknown>)['issueDate']);
  for (const exporter of [declarationExporter, 'CN-RE-0000000000']) {
    const answer = expectStatus<Lookup>(await api(kr, 'customs', 'GET', `/api/v1/exporters/CN/${exporter}?date=${date}`), 200, `KR: is ${exporter} registered`);
    const s = answer.statement;
    say(ctx, 'KR', `is ${exporter} registered on ${date}?`, `${s['registered'] === true ? `yes, ${String(s['authorisationType'])}: ${String(s['name'])}` : 'no'} (CN's signed statement, key ${answer.kid.slice(0, 12)}...)`);
  }
}

/**
 * Demo step 5, clearance at the importing customs: Korea claims preference on China's kimchi
 * certificate until it is used up (partial utilisation, then a claim refused for quantity), on
 * Indonesia's plywood certificate (AKFTA wants utilisation notices: Indonesia sees the grant), and on
 * a ChKFTA certificate that never arrived, before and after ChKFTA's transition cut-over.
 */
import { findProfile } from '@originlink/dataset';
import { api, waitUntil } from './demo-api.js';
import { claim, daysAfter, decisionText, receivedId, say, summaryAt, type DemoContext, type Submitted } from './demo-context.js';

/** A ChKFTA number China never issued (the transition claims). */
export const neverIssued = 'K264200000019999';

export async function clearanceStep(ctx: DemoContext): Promise<void> {
  ctx.io.out('\n5. Clearance: Korea\'s customs claims preference for import declarations (POST /api/v1/claims)');
  const kr = ctx.gateway('KR');
  const kimchi = sample(ctx, 'chkfta-cn-kr-kimchi.json');
  const kimchiAtKr = await receivedId(kr, kimchi.number);
  const declared = daysAfter(String((await summaryAt(kr, kimchiAtKr))['issueDate']), 14);
  for (const kg of [12_000, 8_000, 5_000]) {
    const c = await claim(kr, {
      certificateNumber: kimchi.number, issuingCountry: 'CN', agreement: 'CHKFTA', declarationReference: `KR-IMP-${kg}`, declarationDate: declared,
      importer: { name: 'Hansang Food Service' }, items: [{ line: 1, itemNumber: 1, hsCode: '200599', quantity: kg, unitCode: 'KGM' }],
    });
    const left = c.reasons.find((r) => r.code === 'claim.quantity-exceeded')?.params;
    say(ctx, 'KR', `${kimchi.number}: ${kg} KGM of item 1`, `${decisionText(c)}${left ? ` (${String(left['remaining'])} of ${String(left['total'])} KGM left)` : ''}`);
  }

  const plywood = sample(ctx, 'akfta-ak-id-kr-plywood.json');
  const plywoodAtKr = await receivedId(kr, plywood.number);
  const granted = await claim(kr, {
    certificateNumber: plywood.number, issuingCountry: 'ID', agreement: 'AKFTA', declarationReference: 'KR-IMP-PLY-1', declarationDate: daysAfter(String((await summaryAt(kr, plywoodAtKr))['issueDate']), 14),
    importer: { name: 'Incheon Timber Trading' }, items: [{ line: 1, itemNumber: 1, hsCode: '441231', quantity: 120, unitCode: 'MTQ' }],
  });
  say(ctx, 'KR', `${plywood.number}: 120 MTQ of item 1`, decisionText(granted));
  // AKFTA asks the importing side for utilisation notices: Indonesia learns where its certificate was used.
  const notices = await waitUntil('Korea\'s utilisation notice at Indonesia', async () => {
    const { body } = await api(plywood.from, 'issuer', 'GET', `/api/v1/certificates/${plywood.id}/utilisation`);
    const used = body['used'] as { itemNumber: number; quantity: number; unitCode: string }[] | undefined;
    return used?.length ? used : undefined;
  });
  say(ctx, 'ID', `GET /api/v1/certificates/{id}/utilisation`, `KR's signed co.utilisation: ${notices.map((u) => `${u.quantity} ${u.unitCode} of item ${u.itemNumber}`).join(', ')} granted`);

  const cutOver = findProfile('chkfta-certificate')?.lifecycle.transition?.cutOverDate ?? '?';
  for (const date of [daysAfter(cutOver, -10), declared]) {
    const c = await claim(kr, {
      certificateNumber: neverIssued, issuingCountry: 'CN', agreement: 'CHKFTA', declarationReference: `KR-IMP-PAPER-${date}`, declarationDate: date,
      importer: { name: 'Hansang Food Service' }, items: [{ line: 1, hsCode: '200599', quantity: 100, unitCode: 'KGM' }],
    });
    const pulled = c.reasons[0]?.params['pullError'] ? '; the automatic pull found nothing at CN' : '';
    say(ctx, 'KR', `${neverIssued} (never sent), declared ${date}`, `${decisionText(c)} (${date < cutOver ? 'before' : 'after'} ChKFTA's cut-over ${cutOver}${pulled})`);
  }
}

/** A certificate of the first exchange, by corpus file. */
export function sample(ctx: DemoContext, file: string): Submitted {
  const s = ctx.submitted.find((x) => x.file === file);
  if (!s) throw new Error(`the demo did not submit ${file}`);
  return s;
}

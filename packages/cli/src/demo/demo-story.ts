/**
 * Demo step 10, visibility: the plywood certificate's timeline (issued, claimed, utilised, verified,
 * cancelled) as each side tells it from its own audit log, in the one vocabulary both share; the
 * exporting side knows what happened at the other customs from receipts and notices.
 */
import { api, expectStatus } from './demo-api.js';
import { sample } from './demo-clearance.js';
import { receivedId, type DemoContext } from './demo-context.js';

interface Timeline { readonly events: readonly { readonly event: string }[] }

export async function storyStep(ctx: DemoContext): Promise<void> {
  ctx.io.out('\n10. One certificate\'s timeline on both sides (GET /api/v1/certificates/{id}/timeline)');
  const plywood = sample(ctx, 'akfta-ak-id-kr-plywood.json');
  const kr = ctx.gateway('KR');
  const sides: [string, typeof kr, string][] = [[`ID (issued it)`, plywood.from, plywood.id], ['KR (imported)', kr, await receivedId(kr, plywood.number)]];
  for (const [label, g, id] of sides) {
    const t = expectStatus<Timeline>(await api(g, 'customs', 'GET', `/api/v1/certificates/${id}/timeline`), 200, `${g.country}: timeline`);
    ctx.io.out(`  ${label.padEnd(15)} ${plywood.number}: ${t.events.map((e) => e.event).join(' > ')}`);
  }
}

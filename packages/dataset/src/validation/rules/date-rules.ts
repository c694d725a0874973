/**
 * Dates: issue date not in the future; a CO issued after shipment (beyond the agreement's grace
 * days) must be marked "issued retroactively", and no later than the agreement allows; validity.
 */
import { addDays, addMonths, bool, date, obj } from './read.js';
import type { Rule } from './rule.js';

/** Without a profile: ATIGA's operational certification procedures allow 3 days after shipment. */
const defaultGraceDays = 3;

export const issueDateRules: Rule = {
  name: 'issue date and retroactive issuance',
  codes: ['rule.issue-date-future', 'rule.issued-after-departure', 'rule.retroactive-before-departure', 'rule.retroactive-too-late'],
  check(ctx) {
    const header = obj(ctx.document['header']);
    const issued = date(header?.['issueDate']);
    if (!issued) return;
    if (issued > ctx.today) ctx.report('rule.issue-date-future', '/header/issueDate', { issueDate: issued, today: ctx.today });

    // Retroactive issuance is a certification notion: a declaration of origin is made by the
    // exporter, on the commercial document, whenever it ships (RCEP Art. 3.16).
    const departed = date(obj(ctx.document['transport'])?.['departureDate']);
    if (!departed || ctx.kind === 'declaration') return;
    const retroactive = bool(obj(ctx.document['specialCases'])?.['issuedRetroactively']);
    const grace = ctx.profile?.retroactive.graceDays ?? defaultGraceDays;
    const latestOrdinary = addDays(departed, grace);
    if (!retroactive && issued > latestOrdinary) {
      ctx.report('rule.issued-after-departure', '/header/issueDate', { issueDate: issued, departureDate: departed, graceDays: grace });
    }
    if (retroactive && issued <= departed) {
      ctx.report('rule.retroactive-before-departure', '/specialCases/issuedRetroactively', { issueDate: issued, departureDate: departed });
    }
    if (retroactive && ctx.profile) {
      const latest = addMonths(departed, ctx.profile.retroactive.maxMonths);
      if (issued > latest) ctx.report('rule.retroactive-too-late', '/header/issueDate', { issueDate: issued, departureDate: departed, maxMonths: ctx.profile.retroactive.maxMonths });
    }
  },
};

export const validityRules: Rule = {
  name: 'validity period',
  codes: ['rule.validity-order', 'rule.validity-too-long'],
  check(ctx) {
    const header = obj(ctx.document['header']);
    const issued = date(header?.['issueDate']);
    const from = date(header?.['validFrom']);
    const until = date(header?.['validUntil']);
    if (from && until && until < from) ctx.report('rule.validity-order', '/header/validUntil', { validFrom: from, validUntil: until });
    else if (issued && until && until < issued) ctx.report('rule.validity-order', '/header/validUntil', { issueDate: issued, validUntil: until });
    if (issued && until && ctx.profile) {
      // Agreements that count validity in days (ALADI: 180 days) give `days`; the others months.
      const { days, months } = ctx.profile.validity;
      const latest = days !== undefined ? addDays(issued, days) : addMonths(issued, months);
      if (until > latest) ctx.report('rule.validity-too-long', '/header/validUntil', { validUntil: until, latest, period: days !== undefined ? `${days} days` : `${months} months` });
    }
  },
};

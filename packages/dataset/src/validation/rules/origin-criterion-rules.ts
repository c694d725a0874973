/**
 * Origin criteria per goods item: the criterion and second-line criteria the agreement uses, the
 * RVC percentage when (and only when) the criterion takes one, the FOB value where the agreement
 * requires it, and the HS code length the agreement accepts.
 */
import { items, num, obj, str } from './read.js';
import type { Rule } from './rule.js';

export const originCriterionRules: Rule = {
  name: 'origin criterion, RVC percentage and FOB value',
  codes: ['rule.rvc-missing', 'rule.rvc-not-applicable', 'rule.rvc-range', 'rule.fob-missing', 'profile.origin-criterion', 'profile.additional-criterion', 'profile.hs-digits'],
  check(ctx) {
    const profile = ctx.profile;
    const criteria = new Map((profile?.originCriteria ?? []).map((c) => [c.code, c]));
    const additional = new Set(profile?.additionalCriteria ?? []);
    const hsDigits = profile?.hsDigits;

    for (const { value: item, path } of items(ctx.document, 'goodsItems')) {
      const criterion = obj(item['originCriterion']);
      const code = str(criterion?.['code']);
      const rvc = num(criterion?.['rvcPercentage']);
      const cpath = `${path}/originCriterion`;
      if (rvc !== undefined && rvc > 100) ctx.report('rule.rvc-range', `${cpath}/rvcPercentage`, { value: rvc });

      const hs = str(item['hsCode']);
      if (hs && hsDigits && !hsDigits.includes(hs.length)) ctx.report('profile.hs-digits', `${path}/hsCode`, { value: hs, digits: hs.length, allowed: hsDigits.join(', ') });

      if (!profile || code === undefined) continue;
      const rule = criteria.get(code);
      if (!rule) {
        ctx.report('profile.origin-criterion', `${cpath}/code`, { value: code, allowed: [...criteria.keys()].join(', '), profile: profile.id });
        continue;
      }
      if (rule.percentage === 'required' && rvc === undefined) ctx.report('rule.rvc-missing', `${cpath}/rvcPercentage`, { criterion: code });
      if (rule.percentage === undefined && criterion?.['rvcPercentage'] !== undefined) ctx.report('rule.rvc-not-applicable', `${cpath}/rvcPercentage`, { criterion: code });
      if (rule.fobRequired && num(obj(item['fobValue'])?.['amount']) === undefined) ctx.report('rule.fob-missing', `${path}/fobValue`, { criterion: code });

      const extra = criterion?.['additionalCodes'];
      if (Array.isArray(extra)) {
        extra.forEach((x, i) => {
          if (typeof x === 'string' && !additional.has(x)) ctx.report('profile.additional-criterion', `${cpath}/additionalCodes/${i}`, { value: x, allowed: [...additional].join(', ') || '(none)', profile: profile.id });
        });
      }
    }
  },
};

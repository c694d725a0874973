/**
 * National API, partners (admin): preview a partner's metadata (with key fingerprints to compare
 * out of band), pin it (only if the keys still have the confirmed thumbprints), list partners, and
 * the bounded log of refused partner messages.
 */
import { displayFingerprint, jwkThumbprint } from '@originlink/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { principalOf, type Authorize } from '../../http/authorize.js';
import { ProblemSchema, iso } from '../../http/schemas.js';
import { fetchPartnerMetadata, type FetchedMetadata } from '../../partners/fetch-metadata.js';

const KeyView = Type.Object({ kid: Type.String(), alg: Type.String(), thumbprint: Type.String(), fingerprint: Type.String(), notBefore: Type.Union([Type.String(), Type.Null()]), notAfter: Type.Union([Type.String(), Type.Null()]) });
const PreviewView = Type.Object({ country: Type.String(), gatewayId: Type.String(), name: Type.String(), endpoint: Type.String(), agreements: Type.Array(Type.String()), commonAgreements: Type.Array(Type.String()), keys: Type.Array(KeyView) });

function preview(ctx: GatewayContext, url: string, fetched: FetchedMetadata) {
  const m = fetched.metadata;
  const theirs = m.agreements.map((a) => a.code);
  return {
    country: m.country,
    gatewayId: m.gatewayId,
    name: m.name,
    endpoint: url.replace(/\/+$/, ''),
    agreements: theirs,
    commonAgreements: theirs.filter((c) => ctx.agreements.codes.includes(c)),
    keys: fetched.pinnedKeys.map((k) => ({ kid: k.kid, alg: k.alg, thumbprint: jwkThumbprint(k.jwk), fingerprint: displayFingerprint(k.jwk), notBefore: k.notBefore === undefined ? null : iso(k.notBefore), notAfter: k.notAfter === undefined ? null : iso(k.notAfter) })),
  };
}

export function partnerRoutes(ctx: GatewayContext, authorize: Authorize): FastifyPluginCallbackTypebox {
  const fetchOptions = { tls: ctx.config.tls, allowInsecureHttp: ctx.config.allowInsecureHttp };
  return (app, _options, done) => {
    app.post('/partners/preview', {
      preHandler: authorize('admin'),
      schema: {
        tags: ['partners'],
        summary: 'Fetch a partner gateway\'s metadata and show its keys\' fingerprints (nothing is stored)',
        body: Type.Object({ url: Type.String({ pattern: '^https?://' }) }),
        response: { 200: PreviewView, 502: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request) => preview(ctx, request.body.url, await fetchPartnerMetadata(request.body.url, fetchOptions)));

    app.post('/partners', {
      preHandler: authorize('admin'),
      schema: {
        tags: ['partners'],
        summary: 'Pin a partner gateway: its metadata is fetched again and its keys pinned only if their thumbprints are the confirmed ones',
        body: Type.Object({
          url: Type.String({ pattern: '^https?://' }),
          thumbprints: Type.Array(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }), { minItems: 1, description: 'RFC 7638 thumbprints confirmed by the operator (from the preview)' }),
          agreements: Type.Optional(Type.Array(Type.String(), { minItems: 1, description: 'Agreement codes in force with this partner; default: all agreements both sides configure' })),
        }),
        response: { 200: PreviewView, 409: ProblemSchema, 422: ProblemSchema, 502: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const { url, thumbprints } = request.body;
      const fetched = await fetchPartnerMetadata(url, fetchOptions);
      const view = preview(ctx, url, fetched);
      const actual = view.keys.map((k) => k.thumbprint).sort();
      if (actual.join() !== [...thumbprints].sort().join()) {
        throw new GatewayError('request.invalid', `the partner's keys changed since they were confirmed: now ${actual.join(', ')}; preview again and compare the fingerprints with the partner`);
      }
      if (view.country === ctx.config.self.country) throw new GatewayError('request.invalid', `${url} is a gateway of this country (${view.country}), not a partner`);
      const agreements = request.body.agreements ?? view.commonAgreements;
      const unknown = agreements.filter((a) => !ctx.agreements.codes.includes(a));
      if (agreements.length === 0 || unknown.length > 0) throw new GatewayError('request.invalid', agreements.length === 0 ? `no agreement in common (partner: ${view.agreements.join(', ')}; here: ${ctx.agreements.codes.join(', ')})` : `agreements not configured here: ${unknown.join(', ')}`);
      const now = ctx.clock();
      await ctx.commits.run(async (tx) => {
        const existing = await tx.partners.get(view.country);
        await tx.partners.upsert({ country: view.country, gatewayId: view.gatewayId, name: view.name, endpoint: view.endpoint, agreements, addedAt: existing?.addedAt ?? now, updatedAt: now });
        for (const old of existing ? await tx.partners.keys(existing.country, existing.gatewayId) : []) {
          if (!fetched.pinnedKeys.some((k) => k.kid === old.kid)) await tx.partners.removeKey(old.country, old.gatewayId, old.kid);
        }
        for (const k of fetched.pinnedKeys) {
          await tx.partners.putKey({ country: view.country, gatewayId: view.gatewayId, kid: k.kid, alg: k.alg, jwk: JSON.stringify(k.jwk), thumbprint: jwkThumbprint(k.jwk), notBefore: k.notBefore ?? null, notAfter: k.notAfter ?? null, addedAt: now });
        }
        await tx.audit.append({ at: now, actor: principalOf(request).name, action: existing ? 'partner.updated' : 'partner.added', subject: `partner:${view.country}`, details: JSON.stringify({ gatewayId: view.gatewayId, endpoint: view.endpoint, agreements, thumbprints: actual }) });
      });
      await ctx.partners.refresh(true);
      return { ...view, agreements };
    });

    app.get('/partners', {
      preHandler: authorize('admin'),
      schema: {
        tags: ['partners'],
        summary: 'Partner gateways and their pinned keys',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ country: Type.String(), gatewayId: Type.String(), name: Type.String(), endpoint: Type.String(), agreements: Type.Array(Type.String()), keys: Type.Array(KeyView) })) }) },
        security: [{ bearer: [] }],
      },
    }, async () => {
      const partners = await ctx.store.partners.list();
      return {
        items: await Promise.all(partners.map(async (p) => ({
          country: p.country, gatewayId: p.gatewayId, name: p.name, endpoint: p.endpoint, agreements: [...p.agreements],
          keys: (await ctx.store.partners.keys(p.country, p.gatewayId)).map((k) => {
            const jwk = JSON.parse(k.jwk) as Parameters<typeof displayFingerprint>[0];
            return { kid: k.kid, alg: k.alg, thumbprint: k.thumbprint, fingerprint: displayFingerprint(jwk), notBefore: k.notBefore === null ? null : iso(k.notBefore), notAfter: k.notAfter === null ? null : iso(k.notAfter) };
          }),
        }))),
      };
    });

    app.get('/rejections', {
      preHandler: authorize('admin'),
      schema: {
        tags: ['partners'],
        summary: 'Recent partner messages refused before verification (bounded log)',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) }),
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const rows = await ctx.store.rejections.recent(request.query.limit);
      return { items: rows.map((r) => ({ ...r, at: iso(r.at) })) };
    });
    done();
  };
}

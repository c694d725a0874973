/** GET /.well-known/originlink.json: this gateway's partner metadata (identity, endpoints, agreements, public keys). */
import { buildMetadata, publicJwk } from '@originlink/protocol';
import type { FastifyPluginCallback } from 'fastify';
import type { GatewayContext } from '../gateway-context.js';

export function wellKnownRoutes(ctx: GatewayContext): FastifyPluginCallback {
  const metadata = buildMetadata({
    country: ctx.config.self.country,
    gatewayId: ctx.config.self.gateway,
    name: ctx.config.name,
    endpoints: { messages: `${ctx.config.publicUrl}/partner/v1/messages` },
    datasetVersions: [...ctx.agreements.datasetVersions],
    agreements: ctx.agreements.codes.map((code) => ({ code, profiles: ctx.agreements.profiles.filter((p) => p.agreement.code === code).map((p) => p.id) })),
    keys: ctx.config.signingKeys.map((k) => ({ kid: k.kid, alg: k.alg, jwk: publicJwk(k) })),
  });
  const body = JSON.stringify(metadata, null, 2);
  return (app, _options, done) => {
    app.get('/.well-known/originlink.json', { schema: { tags: ['partner'], summary: 'Partner metadata: country, gateway id, endpoints, dataset versions, agreements and public signing keys (JWKS)' } }, async (_request, reply) =>
      reply.type('application/json').header('cache-control', 'max-age=300').send(body),
    );
    done();
  };
}

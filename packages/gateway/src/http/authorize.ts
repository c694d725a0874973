/** A preHandler that authenticates the bearer token and checks the route's roles. */
import type { FastifyRequest, preHandlerHookHandler } from 'fastify';
import { createAuthenticator, requireRole, type Principal } from '../auth/token-auth.js';
import type { Role } from '../config/config-schema.js';
import type { TokenConfig } from '../config/gateway-config.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export type Authorize = (...roles: Role[]) => preHandlerHookHandler;

export function createAuthorize(tokens: readonly TokenConfig[]): Authorize {
  const authenticate = createAuthenticator(tokens);
  return (...roles) =>
    function authorize(request, _reply, done) {
      try {
        const principal = authenticate(request.headers.authorization);
        requireRole(principal, ...roles);
        request.principal = principal;
      } catch (err) {
        done(err as Error);
        return;
      }
      done();
    };
}

/** The authenticated principal (routes behind `authorize` always have one). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('route is missing its authorize preHandler');
  return request.principal;
}

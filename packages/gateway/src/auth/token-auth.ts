/**
 * API token authentication for the national API: bearer tokens are compared by SHA-256 hash in
 * constant time against the configured ones; each token carries roles (issuer, customs, admin).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '../config/config-schema.js';
import type { TokenConfig } from '../config/gateway-config.js';
import { GatewayError } from '../errors/gateway-errors.js';

export interface Principal {
  readonly name: string;
  readonly roles: readonly Role[];
}

/** SHA-256 hex of a token, as the configuration stores it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createAuthenticator(tokens: readonly TokenConfig[]): (authorization: string | undefined) => Principal {
  const known = tokens.map((t) => ({ ...t, digest: Buffer.from(t.sha256, 'hex') }));
  return (authorization) => {
    const m = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
    if (!m) throw new GatewayError('auth.missing-token');
    const digest = createHash('sha256').update(m[1]!, 'utf8').digest();
    // Compare against every token so the time taken does not reveal which one matched.
    let found: (typeof known)[number] | undefined;
    for (const t of known) if (timingSafeEqual(t.digest, digest)) found = t;
    if (!found) throw new GatewayError('auth.invalid-token');
    return { name: found.name, roles: found.roles };
  };
}

/** Throws auth.forbidden unless the principal has one of the roles (admin may do everything). */
export function requireRole(principal: Principal, ...roles: readonly Role[]): void {
  if (principal.roles.includes('admin') || roles.some((r) => principal.roles.includes(r))) return;
  throw new GatewayError('auth.forbidden', `this operation needs the role ${roles.join(' or ')}; token "${principal.name}" has ${principal.roles.join(', ')}`);
}

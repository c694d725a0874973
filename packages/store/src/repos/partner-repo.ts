/**
 * Partner gateways and their pinned signing keys (from their /.well-known/originlink.json, confirmed
 * by fingerprint). Several keys may be active at once, each with its validity window (rotation).
 */

export interface PartnerRow {
  readonly country: string;
  readonly gatewayId: string;
  readonly name: string;
  /** Base URL of the partner's gateway (its partner API is under /partner/v1). */
  readonly endpoint: string;
  /** Agreement codes in force with this partner. */
  readonly agreements: readonly string[];
  readonly addedAt: number;
  readonly updatedAt: number;
}

export interface PartnerKeyRow {
  readonly country: string;
  readonly gatewayId: string;
  readonly kid: string;
  readonly alg: 'ES256' | 'EdDSA';
  /** The public JWK as JSON text. */
  readonly jwk: string;
  /** RFC 7638 thumbprint, base64url. */
  readonly thumbprint: string;
  readonly notBefore: number | null;
  readonly notAfter: number | null;
  readonly addedAt: number;
}

export interface PartnerRepo {
  upsert(partner: PartnerRow): Promise<void>;
  get(country: string): Promise<PartnerRow | undefined>;
  list(): Promise<readonly PartnerRow[]>;
  /** Adds or replaces one key (by country, gatewayId, kid). */
  putKey(key: PartnerKeyRow): Promise<void>;
  keys(country: string, gatewayId: string): Promise<readonly PartnerKeyRow[]>;
  removeKey(country: string, gatewayId: string, kid: string): Promise<void>;
}

/**
 * Section C of the annex, technical interoperability: the service interface (partner API), the
 * communication settings and the security settings of the profile, with the partner-specific
 * values (addresses, certificates, keys) left as clearly marked placeholders.
 */
import type { Profile } from '../profiles/profile-schema.js';
import { code, paragraph, section, table, todo, type Section, type Text } from './annex-model.js';

export function technicalSection(profile: Profile): Section {
  const x = profile.exchange;
  const endpoints: Text[][] = [
    [code('POST /partner/v1/messages'), 'Receives every signed message (envelope, payload, detached signature) of the kinds in B.1 and answers with a signed receipt once the message is verified and stored durably.'],
    [code('GET /.well-known/originlink.json'), 'Partner metadata: gateway identity, endpoints, supported agreements and message kinds, and the public signing keys.'],
  ];
  if (profile.models.includes('pull')) endpoints.push([[code('pull.request'), ' to ', code('POST /partner/v1/messages')], 'A pull is a message like any other: the importing gateway posts a pull.request to the exporting gateway, which answers with a pull.response.']);
  const service = section('service-interface', 'C.1 Service interface', [
    table('endpoints', ['Endpoint', 'Purpose'], endpoints, 'Partner API'),
    table('gateway-addresses', ['Party', 'Gateway base URL', 'Test environment URL'], profile.parties.map((p): Text[] => [code(p), [todo('https://...')], [todo('https://...')]]), 'Gateway addresses'),
  ]);

  const communication = section('communication', 'C.2 Communication', [
    table('communication', ['Setting', 'Value'], [
      ['Transport', 'HTTPS between gateways'],
      ['Mutual TLS', x.mutualTls === 'required' ? 'required: each gateway presents a client certificate the partner has registered' : 'optional'],
      ['Payload format', x.payloadFormat === 'json' ? 'JSON (the e-CO dataset JSON binding)' : 'XML (the e-CO dataset XML binding)'],
      ['Receipt timeout', `${x.receiptTimeoutHours} hours: a message without a signed receipt by then is reported for follow-up`],
      ['Retry horizon', `${x.retryHorizonDays} days: the sender retries delivery (at least once) for this long`],
      ['Duplicates', 'A message id seen before is answered with the original receipt; deduplication records are kept longer than the retry horizon'],
      ['Dataset version', profile.datasetVersion],
    ], 'Communication settings'),
  ]);

  const security = section('security', 'C.3 Security', [
    table('security', ['Setting', 'Value'], [
      ['Message signature', `JWS (RFC 7515), flattened with detached payload, over the RFC 8785 canonical JSON of the envelope, which binds the payload by its SHA-256 digest; algorithms: ${x.signatureAlgorithms.join(', ')}`],
      ['Key rotation', `every ${x.keyRotationDays} days at most; the new key is published in the metadata before use and the old one stays valid for an overlap period`],
      ['Overlap period', [todo('days both keys are accepted')]],
      ['Pinned keys', 'each gateway pins the partner signing keys exchanged out of band and accepts a new key only when its fingerprint is confirmed'],
    ], 'Security settings'),
    table('keys', ['Party', 'TLS client certificate fingerprint (SHA-256)', 'Signing key id and fingerprint'], profile.parties.map((p): Text[] => [code(p), [todo('fingerprint')], [todo('key id, fingerprint')]]), 'Certificates and keys'),
  ]);

  return section('technical-interoperability', 'C. Technical interoperability', [paragraph('How the gateways of the parties connect. Values come from the agreement profile; partner-specific values are to be completed.')], [service, communication, security]);
}

/**
 * docs/reference/configuration.md, generated from the gateway's configuration schema (every key,
 * its type, default and description) plus the environment variables and an example file.
 */
import { configEnv, ConfigFileSchema } from '@originlink/gateway';

interface SchemaNode {
  type?: string;
  description?: string;
  default?: string | number | boolean | object;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  const?: string | number | boolean;
}

function typeOf(n: SchemaNode): string {
  if (n.anyOf) return n.anyOf.map((a) => (a.const !== undefined ? `\`${String(a.const)}\`` : typeOf(a))).join(' \\| ');
  if (n.const !== undefined) return `\`${String(n.const)}\``;
  if (n.type === 'array') return `list of ${n.items ? typeOf(n.items) : 'values'}`;
  if (n.type === 'string' && n.pattern?.includes('ms|s|m|h|d')) return 'duration (`500ms`, `30s`, `5m`, `2h`, `7d`)';
  if (n.type === 'integer' && (n.minimum !== undefined || n.maximum !== undefined)) return `integer ${n.minimum ?? ''}..${n.maximum ?? ''}`;
  return n.type ?? 'value';
}

function rows(node: SchemaNode, prefix: string, out: string[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${key}`;
    const required = (node.required ?? []).includes(key) && child.default === undefined;
    if (child.type === 'object' && child.properties) {
      out.push(`| \`${path}\` | section | ${required ? 'yes' : 'no'} | | ${(child.description ?? '').replace(/\|/g, '\\|')} |`);
      rows(child, `${path}.`, out);
      continue;
    }
    if (child.type === 'array' && child.items?.type === 'object' && child.items.properties) {
      out.push(`| \`${path}\` | list | ${required ? 'yes' : 'no'} | | ${(child.description ?? '').replace(/\|/g, '\\|')} |`);
      rows(child.items, `${path}[].`, out);
      continue;
    }
    const def = child.default === undefined || (typeof child.default === 'object' && child.default !== null) ? '' : `\`${String(child.default)}\``;
    out.push(`| \`${path}\` | ${typeOf(child)} | ${required ? 'yes' : 'no'} | ${def} | ${(child.description ?? '').replace(/\|/g, '\\|')} |`);
  }
}

export const exampleConfig = `# /etc/originlink/gateway.yaml: the Korea Customs Service gateway (example)
country: KR
gatewayId: kr-gw-1
name: Korea Customs Service e-CO gateway
publicUrl: https://eco-gateway.customs.go.kr       # what partners call
listen: { host: 0.0.0.0, port: 8443 }
database: sqlite:/var/lib/originlink/kr.sqlite      # or postgres://originlink@db/originlink
signingKeys: [ /etc/originlink/keys/kr-2026.jwk.json ]   # originlink keys generate --out ...
agreements: [ chkfta-certificate, akfta-form-ak, rcep-certificate, rcep-declaration ]
tokens:                                             # originlink tokens generate --name ... --roles ...
  - { name: issuing-system, sha256: 5f2b...e1, roles: [issuer] }
  - { name: clearance-system, sha256: 9c41...07, roles: [customs] }
  - { name: operations, sha256: 0d7e...aa, roles: [admin] }
tls:
  cert: /etc/originlink/tls/gateway.crt
  key: /etc/originlink/tls/gateway.key
  ca: /etc/originlink/tls/partners-ca.crt
  requireClientCert: true
delivery: { retryHorizon: 7d, initialBackoff: 1s, maxBackoff: 1h }
inbound: { maxMessageAge: 8d, dedupRetention: 30d }
logLevel: info
`;

export function renderConfigDoc(): string {
  const out: string[] = [
    '# Gateway configuration',
    '',
    '<!-- Generated from packages/gateway/src/config/config-schema.ts by `npm run gen`; do not edit by hand. -->',
    '',
    'One YAML file (`originlink serve --config <file>`), validated when the gateway starts: an unknown key, a bad value or an unreadable file stops it with the JSON pointer of each problem. Paths in the file are relative to the file. Precedence: command-line flag > environment variable > file > default.',
    '',
    'Secrets are not kept in the file: API tokens are stored as SHA-256 hashes (`originlink tokens generate`), signing keys in their own files (`originlink keys generate`), TLS keys in PEM files. `serve` prints secrets as `<redacted>`.',
    '',
    '## Keys',
    '',
    '| Key | Type | Required | Default | Description |',
    '|---|---|---|---|---|',
  ];
  rows(ConfigFileSchema, '', out);
  out.push('', '## Environment variables', '', '| Variable | Effect |', '|---|---|');
  for (const [k, v] of Object.entries(configEnv)) out.push(`| \`${k}\` | ${v} |`);
  out.push('', 'The CLI commands that talk to a running gateway (`send`, `status`, `partners`) read `ORIGINLINK_GATEWAY` (its base URL) and `ORIGINLINK_TOKEN` (an API token).', '', '## Example', '', '```yaml', exampleConfig.trimEnd(), '```', '', 'Windows that must nest: `inbound.dedupRetention` > `inbound.maxMessageAge` > `delivery.retryHorizon`. A partner retries for up to the retry horizon; a message older than the maximum age is refused as a replay; a message id is remembered for the dedup retention, so a late retry is answered with the original receipt instead of being stored twice.', '');
  return out.join('\n');
}

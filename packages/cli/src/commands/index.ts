/**
 * Every command of the CLI, in the order `originlink --help` lists them. Modules load on demand,
 * so `originlink validate` does not load the gateway's HTTP server and database drivers.
 */
import type { CommandEntry } from '../command.js';

export const commands: readonly CommandEntry[] = [
  { name: 'demo', summary: 'run three gateways that exchange the sample certificates', load: async () => (await import('./demo-command.js')).demoCommand },
  { name: 'serve', summary: 'run a gateway (national API, partner API, workers)', load: async () => (await import('./serve-command.js')).serveCommand },
  { name: 'validate', summary: 'validate certificates and declarations of origin (JSON, XML, ALADI COD)', load: async () => (await import('./validate-command.js')).validateCommand },
  { name: 'convert', summary: 'convert between JSON, OriginLink XML and ALADI COD XML (input)', load: async () => (await import('./convert-command.js')).convertCommand },
  { name: 'send', summary: 'submit a certificate to the local gateway for delivery to a partner', load: async () => (await import('./send-command.js')).sendCommand },
  { name: 'status', summary: 'show a certificate\'s delivery status, receipt and timeline', load: async () => (await import('./status-command.js')).statusCommand },
  { name: 'partners', summary: 'add (pin) and list partner gateways', load: async () => (await import('./partners-command.js')).partnersCommand },
  { name: 'keys', summary: 'generate a signing key pair for a gateway', load: async () => (await import('./keys-command.js')).keysCommand },
  { name: 'tokens', summary: 'generate an API token, or hash one for the configuration', load: async () => (await import('./tokens-command.js')).tokensCommand },
  { name: 'migrate', summary: 'apply or list pending database migrations', load: async () => (await import('./migrate-command.js')).migrateCommand },
  { name: 'doctor', summary: 'check that the database answers and matches the expected schema', load: async () => (await import('./doctor-command.js')).doctorCommand },
  { name: 'audit', summary: 'verify the tamper-evident audit log', load: async () => (await import('./audit-command.js')).auditCommand },
  { name: 'annex', summary: 'generate the technical annex of an agreement profile (Markdown or HTML)', load: async () => (await import('./annex-command.js')).annexCommand },
  { name: 'profiles', summary: 'list and show agreement profiles', load: async () => (await import('./profiles-command.js')).profilesCommand },
  { name: 'dataset', summary: 'list, show and diff the elements of the e-CO dataset', load: async () => (await import('./dataset-command.js')).datasetCommand },
];

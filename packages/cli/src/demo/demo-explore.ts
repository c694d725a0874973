/**
 * The demo's closing "Explore" section: curl commands for what the demo just did (certificates,
 * timelines, claims, utilisation, verifications, pulls, the exporter registry and its signed
 * statements), the partner metadata, metrics, and the CLI, with the demo's predictable tokens.
 */
import type { Io } from '../command.js';
import type { Submitted } from './demo-context.js';
import { declarationExporter } from './demo-documents.js';
import type { DemoGateway } from './demo-setup.js';

export function printExplore(io: Io, network: readonly DemoGateway[], submitted: readonly Submitted[]): void {
  const byCountry = (c: string) => network.find((g) => g.country === c) ?? network[0]!;
  const [cn, kr] = [byCountry('CN'), byCountry('KR')];
  const sample = submitted.find((s) => s.file === 'akfta-ak-id-kr-plywood.json') ?? submitted.find((s) => s.to === kr.country);
  const auth = (g: DemoGateway, role: 'issuer' | 'customs') => `-H 'Authorization: Bearer ${g.tokens[role]}'`;
  const json = `-H 'Content-Type: application/json'`;
  io.out([
    '',
    'Explore (tokens are demo-<country>-<role>, roles issuer, customs, admin):',
    `  API documentation      ${kr.url}/docs`,
    `  received certificates  curl ${auth(kr, 'customs')} '${kr.url}/api/v1/certificates?direction=inbound'`,
    ...(sample
      ? [
          `  timeline (sender)      curl ${auth(sample.from, 'issuer')} ${sample.from.url}/api/v1/certificates/${sample.id}/timeline`,
          `  utilisation (sender)   curl ${auth(sample.from, 'issuer')} ${sample.from.url}/api/v1/certificates/${sample.id}/utilisation`,
          `  verifications          curl ${auth(sample.from, 'issuer')} '${sample.from.url}/api/v1/verifications?direction=inbound'`,
        ]
      : []),
    `  claims                 curl ${auth(kr, 'customs')} '${kr.url}/api/v1/claims?status=post-clearance-review'`,
    `  claim                  curl ${auth(kr, 'customs')} ${json} -d '{"certificateNumber":"K264200000019902","issuingCountry":"CN","agreement":"CHKFTA","declarationReference":"MY-DECL-1","declarationDate":"2026-03-25","importer":{},"items":[{"line":1,"itemNumber":2,"hsCode":"200599","quantity":500,"unitCode":"KGM"}]}' ${kr.url}/api/v1/claims`,
    `  pull                   curl ${auth(kr, 'customs')} ${json} -d '{"certificateNumber":"K264200000019902","issuingCountry":"CN"}' ${kr.url}/api/v1/pulls`,
    `  exporter lookup        curl ${auth(kr, 'customs')} '${kr.url}/api/v1/exporters/CN/${declarationExporter}?date=2026-06-08'`,
    `  signed statement       curl '${cn.url}/partner/v1/exporters/${declarationExporter}?date=2026-06-08'   (compact JWS, application/jose)`,
    `  partner metadata       curl ${kr.url}/.well-known/originlink.json`,
    `  metrics                curl ${kr.url}/metrics`,
    `  the CLI                npm run originlink -- status ${sample?.number ?? '<number>'} --gateway ${sample?.from.url ?? kr.url} --token ${sample?.from.tokens.issuer ?? kr.tokens.issuer}`,
    `  audit log              npm run originlink -- audit verify --config ${kr.configPath}`,
  ].join('\n'));
}

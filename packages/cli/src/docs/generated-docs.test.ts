import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { issueCodes } from '@originlink/dataset';
import { claimReasonCodes, exchangeCodes, gatewayErrors } from '@originlink/gateway';
import { protocolCodes } from '@originlink/protocol';
import { renderConfigDoc } from './render-config-doc.js';
import { renderErrorsDoc } from './render-errors-doc.js';

const docs = new URL('../../../../docs/reference/', import.meta.url);

describe('generated reference documentation', () => {
  it('docs/reference/errors.md lists exactly the codes of the registries (run `npm run gen` after changing a code)', async () => {
    const text = await readFile(new URL('errors.md', docs), 'utf8');
    assert.equal(text, renderErrorsDoc(), 'errors.md is stale: run `npm run gen`');
    const listed = new Set([...text.matchAll(/^\| `([a-z0-9.-]+)` \|/gm)].map((m) => m[1]));
    const registered = [...Object.keys(issueCodes), ...Object.keys(protocolCodes), ...Object.keys(exchangeCodes), ...Object.keys(claimReasonCodes), ...Object.keys(gatewayErrors)];
    assert.deepEqual([...listed].sort(), [...new Set(registered)].sort());
  });

  it('docs/reference/configuration.md documents every configuration key', async () => {
    const text = await readFile(new URL('configuration.md', docs), 'utf8');
    assert.equal(text, renderConfigDoc(), 'configuration.md is stale: run `npm run gen`');
    for (const key of ['country', 'delivery.retryHorizon', 'inbound.dedupRetention', 'tls.requireClientCert', 'tokens[].sha256']) assert.match(text, new RegExp(`\\| \`${key.replace(/[.[\]]/g, '\\$&')}\` \\|`));
  });

  it('no code appears in two registries with different meanings', () => {
    const all = [...Object.keys(issueCodes), ...Object.keys(protocolCodes), ...Object.keys(exchangeCodes), ...Object.keys(claimReasonCodes), ...Object.keys(gatewayErrors)];
    assert.equal(new Set(all).size, all.length);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codXsd410 } from './cod-4.1.0-xsd.generated.js';
import { supportedAladiForms } from './envelope.js';
import { localCodXsd410, validateAladiSchema } from './schema-validate.js';
import { corpus, corpusFiles } from './test-corpus.js';

describe('validateAladiSchema', () => {
  for (const name of [corpusFiles.a18, corpusFiles.a35, corpusFiles.a33]) {
    it(`accepts the valid 4.1.0 sample ${name}`, async () => {
      assert.deepEqual(await validateAladiSchema(corpus(name)), []);
    });
  }

  it('reports each violation of the invalid 4.1.0 sample as aladi.schema with its line', async () => {
    const issues = await validateAladiSchema(corpus(corpusFiles.invalid));
    assert.deepEqual(issues.map((i) => [i.code, i.severity, i.params['version'], i.params['line']]), [
      ['aladi.schema', 'error', '4.1.0', 25],
      ['aladi.schema', 'error', '4.1.0', 110],
    ]);
    assert.match(String(issues[0]?.params['detail']), /Element 'Invoices'.*Expected is \( Subscriber \)/);
    assert.match(String(issues[1]?.params['detail']), /CertificateID.*pattern/);
  });

  it('does not schema-check a COD declaring another version, and says so', async () => {
    const issues = await validateAladiSchema(corpus(corpusFiles.realUnsigned));
    assert.deepEqual(issues.map((i) => [i.code, i.severity, i.params['version']]), [['aladi.schema-not-checked', 'info', '1.8.0']]);
  });

  it('rejects a DOCTYPE before libxml2 sees the document', async () => {
    const issues = await validateAladiSchema(`<!DOCTYPE x SYSTEM "file:///etc/passwd">${corpus(corpusFiles.a18).replace(/^<\?xml[^>]*>/, '')}`);
    assert.deepEqual(issues.map((i) => i.code), ['xml.doctype-forbidden']);
  });

  it('reports XML that is not a COD instead of validating it', async () => {
    assert.deepEqual((await validateAladiSchema('<Certificate/>')).map((i) => i.code), ['aladi.not-cod']);
  });
});

describe('the bundled COD 4.1.0 schema', () => {
  it('resolves the xmldsig import to the bundled subset, not to the network', () => {
    assert.match(codXsd410, /schemaLocation="http:\/\/www\.w3\.org\/TR\/2002\/REC-xmldsig-core-20020212\/xmldsig-core-schema\.xsd "/);
    assert.match(localCodXsd410() ?? '', /<xs:import namespace="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#" schemaLocation="xmldsig-core-subset\.xsd"\/>/);
  });

  it('declares exactly the forms the importer supports', () => {
    const choice = /<xs:choice>([\s\S]*?)<\/xs:choice>/.exec(codXsd410.slice(codXsd410.indexOf('name="Agreement"')))?.[1] ?? '';
    const forms = [...choice.matchAll(/<xs:element name="Form([A-Z0-9]+)"/g)].map((m) => m[1]);
    assert.deepEqual(forms, [...supportedAladiForms]);
  });
});

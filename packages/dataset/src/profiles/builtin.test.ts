import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validateDocument } from '../validation/validate.js';
import { builtinProfiles, findProfile, selectProfile } from './builtin.js';
import { renderBuiltinProfiles } from './builtin-generator.js';
import { parseProfile } from './parse-profile.js';

const profileDir = fileURLToPath(new URL('../../profiles/', import.meta.url));
const shipped = readdirSync(profileDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(`${profileDir}${name}`, 'utf8') }));
const sample = JSON.parse(readFileSync(new URL('../../corpus/valid/atiga-d-id-th-coffee.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const now = new Date('2026-03-10T00:00:00Z');

describe('shipped profiles', () => {
  it('ships the agreed agreements', () => {
    assert.deepEqual(builtinProfiles.map((p) => p.id), ['ace14-form-a18', 'acfta-form-e', 'akfta-form-ak', 'atiga-form-d', 'chkfta-certificate', 'rcep-certificate', 'rcep-declaration']);
  });

  for (const file of shipped) {
    it(`${file.name} parses and validates, and its id is its file name`, () => {
      const result = parseProfile(file.text);
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
      assert.equal(result.profile.id, file.name.replace(/\.yaml$/, ''));
    });
    it(`${file.name} starts with a comment saying where its values come from`, () => {
      assert.match(file.text, /^# .+/);
      assert.match(file.text, /come from/i);
    });
  }

  it('matches the generated module (run `npm run gen` after editing a profile)', () => {
    const generated = readFileSync(new URL('./builtin-profiles.generated.ts', import.meta.url), 'utf8');
    assert.equal(generated, renderBuiltinProfiles(shipped));
  });

  it('embeds the same data as the YAML', () => {
    for (const file of shipped) {
      const result = parseProfile(file.text);
      assert.ok(result.ok);
      assert.deepEqual(findProfile(result.profile.id), result.profile);
    }
  });

  it('are frozen', () => {
    const profile = findProfile('rcep-certificate');
    assert.ok(profile);
    assert.ok(Object.isFrozen(profile) && Object.isFrozen(profile.elements.required));
  });
});

describe('renderBuiltinProfiles', () => {
  it('refuses an invalid profile, naming the file and the problem', () => {
    const bad = { name: 'bad.yaml', text: shipped[0]!.text.replace(/^id: .*$/m, 'id: Not_An_Id') };
    assert.throws(() => renderBuiltinProfiles([bad]), /bad\.yaml is not valid:\n {2}\/id/);
  });
  it('refuses two files with the same id', () => {
    const copy = { name: 'zz-copy.yaml', text: shipped[0]!.text };
    assert.throws(() => renderBuiltinProfiles([shipped[0]!, copy]), /same id/);
  });
  it('orders profiles by file name whatever the input order', () => {
    assert.equal(renderBuiltinProfiles([...shipped].reverse()), renderBuiltinProfiles(shipped));
  });
});

describe('selectProfile', () => {
  const doc = (header: Record<string, unknown>) => ({ header });
  it('selects ATIGA Form D for the ATIGA sample', () => {
    assert.equal(selectProfile(sample)?.id, 'atiga-form-d');
  });
  it('tells an RCEP declaration (862) from an RCEP certificate (861)', () => {
    assert.equal(selectProfile(doc({ agreementCode: 'RCEP', typeCode: '862' }))?.id, 'rcep-declaration');
    assert.equal(selectProfile(doc({ agreementCode: 'RCEP', typeCode: '861' }))?.id, 'rcep-certificate');
  });
  it('takes the certificate profile when the type code is missing', () => {
    assert.equal(selectProfile(doc({ agreementCode: 'RCEP' }))?.id, 'rcep-certificate');
  });
  it('selects by form type', () => {
    assert.equal(selectProfile(doc({ agreementCode: 'ACE14', typeCode: '861', formType: 'A18' }))?.id, 'ace14-form-a18');
    assert.equal(selectProfile(doc({ agreementCode: 'ATIGA', typeCode: '861', formType: 'E' })), undefined);
  });
  it('prefers a profile that names the form over one that allows any form', () => {
    const anyForm = { ...findProfile('atiga-form-d')!, id: 'atiga-any' };
    delete (anyForm as { formTypes?: unknown }).formTypes;
    assert.equal(selectProfile(doc({ agreementCode: 'ATIGA', typeCode: '861', formType: 'D' }), [anyForm, findProfile('atiga-form-d')!])?.id, 'atiga-form-d');
  });
  it('returns undefined for an unknown agreement, a wrong document type or no header', () => {
    assert.equal(selectProfile(doc({ agreementCode: 'EUKFTA', typeCode: '861' })), undefined);
    assert.equal(selectProfile(doc({ agreementCode: 'CHKFTA', typeCode: '862' })), undefined);
    assert.equal(selectProfile({}), undefined);
    assert.equal(selectProfile('not a document'), undefined);
  });
});

/** A document shaped for one profile, from the ATIGA sample; each profile's test states what differs. */
function documentFor(id: string): Record<string, unknown> {
  const d = structuredClone(sample);
  const header = d['header'] as Record<string, unknown>;
  const items = d['goodsItems'] as Record<string, unknown>[];
  switch (id) {
    case 'acfta-form-e':
      Object.assign(header, { agreementCode: 'ACFTA', formType: 'E', issuingCountry: 'CN', importingCountry: 'TH' });
      items[1]!['originCriterion'] = { code: 'RVC', rvcPercentage: 45 };
      break;
    case 'akfta-form-ak':
      Object.assign(header, { agreementCode: 'AKFTA', formType: 'AK', issuingCountry: 'KR', importingCountry: 'TH' });
      break;
    case 'chkfta-certificate':
      Object.assign(header, { agreementCode: 'CHKFTA', issuingCountry: 'KR', importingCountry: 'CN' });
      delete header['formType'];
      items[1]!['originCriterion'] = { code: 'PSR' };
      delete items[1]!['fobValue'];
      break;
    case 'rcep-certificate':
    case 'rcep-declaration':
      Object.assign(header, { agreementCode: 'RCEP', issuingCountry: 'JP', importingCountry: 'TH' });
      delete header['formType'];
      items[1]!['originCriterion'] = { code: 'RVC', additionalCodes: ['ACU'] };
      for (const item of items) item['originCountry'] = 'JP';
      (d['exporterDeclaration'] as Record<string, unknown>)['declarantRole'] = 'exporter';
      if (id === 'rcep-declaration') {
        header['typeCode'] = '862';
        delete d['certification'];
        d['selfDeclaration'] = { exporterAuthorisationNumber: 'JP-AE-0042', authorisationType: 'approved', uniqueReference: 'JP-AE-0042-2026-0001' };
      }
      break;
    case 'ace14-form-a18':
      // ALADI certificates are valid 180 days.
      Object.assign(header, { agreementCode: 'ACE14', formType: 'A18', issuingCountry: 'AR', importingCountry: 'BR', validUntil: '2026-08-29' });
      d['importer'] = { name: 'CNH Industrial Brasil Ltda', address: { line: 'Rua Jose Coelho Prattes Jr 1020', city: 'Piracicaba', country: 'BR' } };
      items.forEach((item, i) => {
        item['hsCode'] = i === 0 ? '09011110' : '09012100';
        item['originCriterion'] = { code: i === 0 ? 'WO' : 'RVC', ...(i === 0 ? {} : { rvcPercentage: 60 }) };
        item['fobValue'] = { amount: 1000 * (i + 1), currency: 'USD' };
      });
      break;
    default:
      break;
  }
  return d;
}

describe('a document shaped for each profile validates against it', () => {
  for (const profile of builtinProfiles) {
    it(profile.id, () => {
      const document = documentFor(profile.id);
      assert.equal(selectProfile(document)?.id, profile.id);
      const result = validateDocument(document, { profile, now });
      assert.deepEqual(result.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.path}`), []);
    });
  }
  it('and fails where the profile departs from the sample (RCEP wants six-digit HS codes and an origin country)', () => {
    const document = documentFor('rcep-certificate');
    const items = document['goodsItems'] as Record<string, unknown>[];
    items[0]!['hsCode'] = '09011100';
    delete items[1]!['originCountry'];
    const codes = validateDocument(document, { profile: findProfile('rcep-certificate'), now }).issues.map((i) => `${i.code} ${i.path}`);
    assert.ok(codes.includes('profile.hs-digits /goodsItems/0/hsCode'), codes.join('\n'));
    assert.ok(codes.includes('structure.required /goodsItems/1/originCountry'), codes.join('\n'));
  });
  it('and a declaration of origin carrying a certification is refused', () => {
    const document = documentFor('rcep-declaration');
    document['certification'] = sample['certification'];
    const codes = validateDocument(document, { profile: findProfile('rcep-declaration'), now }).issues.map((i) => i.code);
    assert.ok(codes.includes('structure.not-for-kind') || codes.includes('structure.not-used'), codes.join('\n'));
  });
});

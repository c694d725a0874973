/**
 * The XML reader on hostile and faulty input: entity attacks, deep nesting, size, malformed markup,
 * wrong root or namespace, unknown elements and attributes, order, bad values; and on the details
 * of good input (white space, CR, CDATA, prefixes).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Result } from '../../validation/issue.js';
import { decodeXml } from './xml-reader.js';

const ns = 'urn:originlink:eco:1';
const header = '<Header><ID>CO-1</ID><TypeCode>861</TypeCode><AgreementID>ATIGA</AgreementID><IssuingCountryCode>ID</IssuingCountryCode><DestinationCountryCode>TH</DestinationCountryCode><IssueDate>2026-03-02</IssueDate></Header>';
const exporter = '<Exporter><Name>PT Kopi</Name></Exporter>';
const item = '<GoodsItem><SequenceNumeric>1</SequenceNumeric><Description>Coffee</Description><ClassificationID>090111</ClassificationID><OriginCriterion><TypeCode>WO</TypeCode></OriginCriterion></GoodsItem>';

/** A document whose body (after the header and exporter) is `body`. */
function doc(body = item, root = `<ProofOfOrigin xmlns="${ns}" datasetVersion="1.1.0">`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}${header}${exporter}${body}</ProofOfOrigin>`;
}

const expectedBase = {
  header: { number: 'CO-1', typeCode: '861', agreementCode: 'ATIGA', issuingCountry: 'ID', importingCountry: 'TH', issueDate: '2026-03-02' },
  exporter: { name: 'PT Kopi' },
  goodsItems: [{ itemNumber: 1, description: 'Coffee', hsCode: '090111', originCriterion: { code: 'WO' } }],
};

function value(result: Result<unknown>): Record<string, unknown> {
  assert.equal(result.ok, true, JSON.stringify(result.issues));
  return (result as { value: Record<string, unknown> }).value;
}

/** The one issue of a failed result, checked for its code (and path when given). */
function issue(result: Result<unknown>, code: string, path?: string): Readonly<Record<string, unknown>> {
  assert.equal(result.ok, false, 'expected the input to be refused');
  const found = result.issues.find((i) => i.code === code);
  assert.ok(found, `expected ${code}, got ${JSON.stringify(result.issues)}`);
  if (path !== undefined) assert.equal(found.path, path);
  assert.ok(found.message.length > 0);
  return found.params;
}

describe('decodeXml: hostile input', () => {
  it('refuses a billion-laughs entity expansion with xml.doctype-forbidden', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<ProofOfOrigin xmlns="${ns}" datasetVersion="1.1.0"><Remarks>&lol9;</Remarks></ProofOfOrigin>`;
    assert.equal(issue(decodeXml(laughs), 'xml.doctype-forbidden')['line'], 2);
  });

  it('refuses an external entity (XXE) with xml.doctype-forbidden', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ProofOfOrigin xmlns="${ns}" datasetVersion="1.1.0"><Remarks>&xxe;</Remarks></ProofOfOrigin>`;
    issue(decodeXml(xxe), 'xml.doctype-forbidden');
  });

  it('refuses any DOCTYPE, whatever its case, and a stray ENTITY declaration', () => {
    issue(decodeXml(`<!doctype ProofOfOrigin>${doc().slice(doc().indexOf('<ProofOfOrigin'))}`), 'xml.doctype-forbidden');
    issue(decodeXml(`<!DOCTYPE ProofOfOrigin SYSTEM "http://attacker.example/x.dtd">${doc().slice(doc().indexOf('<ProofOfOrigin'))}`), 'xml.doctype-forbidden');
    issue(decodeXml(doc(`${item}<!ENTITY x "y">`)), 'xml.doctype-forbidden');
  });

  it('refuses 10,000 levels of nesting with xml.too-deep, quickly and without overflowing the stack', () => {
    const start = performance.now();
    const deep = `<ProofOfOrigin xmlns="${ns}" datasetVersion="1.1.0">${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</ProofOfOrigin>`;
    assert.equal(issue(decodeXml(deep), 'xml.too-deep', '')['maxDepth'], 32);
    const deeper = `<a>${'<a>'.repeat(1_000_000)}${'</a>'.repeat(1_000_000)}</a>`;
    issue(decodeXml(deeper), 'xml.too-deep');
    assert.ok(performance.now() - start < 3000, 'nesting checks should be linear');
  });

  it('applies a configured depth limit (a document nests 4 levels: root, Exporter, Address, Line)', () => {
    const text = doc(`${item}`).replace(exporter, '<Exporter><Name>PT Kopi</Name><Address><Line>x</Line><CountryCode>ID</CountryCode></Address></Exporter>');
    issue(decodeXml(text, { maxDepth: 3 }), 'xml.too-deep');
    assert.equal(decodeXml(text, { maxDepth: 4 }).ok, true);
  });

  it('refuses input over the byte limit with input.too-large, counting UTF-8 bytes', () => {
    const params = issue(decodeXml(doc(), { maxBytes: 100 }), 'input.too-large');
    assert.equal(params['maxBytes'], 100);
    assert.equal(params['bytes'], new TextEncoder().encode(doc()).length);
    // 11 characters, 15 bytes.
    assert.equal(issue(decodeXml('<a>éééé</a>', { maxBytes: 14 }), 'input.too-large')['bytes'], 15);
    assert.notEqual(decodeXml('<a>éééé</a>', { maxBytes: 15 }).issues[0]?.code, 'input.too-large');
  });

  it('refuses input over the default limit of 10 MiB', () => {
    const big = doc(`${item}<Remarks>${'x'.repeat(10 * 1024 * 1024)}</Remarks>`);
    issue(decodeXml(big), 'input.too-large');
  });
});

describe('decodeXml: malformed input', () => {
  const cases: [string, string, RegExp][] = [
    ['an unclosed element', doc().replace('</ProofOfOrigin>', ''), /Unclosed|closed/i],
    ['a mismatched end tag', doc().replace('</Exporter>', '</Exporte>'), /closing tag/i],
    ['text after the root', `${doc()}trailing`, /Extra text|not expected/i],
    ['an undefined entity', doc(`${item}<Remarks>&nbsp;</Remarks>`), /&nbsp;/],
    ['a reference to a character XML forbids', doc(`${item}<Remarks>&#0;</Remarks>`), /&#0;/],
    ['a bare ampersand', doc(`${item}<Remarks>A & B</Remarks>`), /&/],
    ['a raw control character', doc(`${item}<Remarks>bell \u0007</Remarks>`), /U\+0007/],
    ['a lone surrogate', doc(`${item}<Remarks>\ud800</Remarks>`), /U\+D800/],
    ['empty input', '', /./],
    ['JSON', '{"header": {}}', /./],
  ];
  for (const [what, text, detail] of cases) {
    it(`reports ${what} as xml.malformed with a detail`, () => {
      const params = issue(decodeXml(text), 'xml.malformed', '');
      assert.match(String(params['detail']), detail);
    });
  }

  it('gives the line of the problem', () => {
    const text = doc().replace('<Exporter>', '\n\n<Exporter>').replace('</Exporter>', '</Exporte>');
    assert.equal(issue(decodeXml(text), 'xml.malformed')['line'], 4);
  });

  it('reports an element named after a JavaScript prototype property without throwing', () => {
    const result = decodeXml(doc(`${item}<constructor/><__proto__/><toString/>`));
    assert.equal(result.ok, false);
  });
});

describe('decodeXml: structure of the document', () => {
  it('reads a minimal document into its JSON shape', () => {
    assert.deepStrictEqual(value(decodeXml(doc())), expectedBase);
  });

  it('refuses another root element, another namespace or no namespace with xml.wrong-root', () => {
    assert.equal(issue(decodeXml(doc(item, `<Certificate xmlns="${ns}" datasetVersion="1.1.0">`).replace('</ProofOfOrigin>', '</Certificate>')), 'xml.wrong-root')['root'], `{${ns}}Certificate`);
    assert.equal(issue(decodeXml(doc(item, '<ProofOfOrigin xmlns="urn:other" datasetVersion="1.1.0">')), 'xml.wrong-root')['root'], '{urn:other}ProofOfOrigin');
    assert.equal(issue(decodeXml(doc(item, '<ProofOfOrigin datasetVersion="1.1.0">')), 'xml.wrong-root')['root'], 'ProofOfOrigin');
  });

  it('accepts the namespace through a prefix', () => {
    const prefixed = doc().replace(/<(\/?)([A-Za-z]+)/g, '<$1eco:$2').replace(`xmlns="${ns}"`, `xmlns:eco="${ns}"`);
    assert.ok(prefixed.includes('<eco:Header>'));
    assert.deepStrictEqual(value(decodeXml(prefixed)), expectedBase);
  });

  it('requires a known datasetVersion and reads with that version of the catalogue', () => {
    assert.equal(issue(decodeXml(doc(item, `<ProofOfOrigin xmlns="${ns}">`)), 'xml.dataset-version')['version'], '(missing)');
    assert.equal(issue(decodeXml(doc(item, `<ProofOfOrigin xmlns="${ns}" datasetVersion="7.0.0">`)), 'xml.dataset-version')['version'], '7.0.0');
    // SelfDeclaration arrived in 1.1.0.
    const selfDeclaration = `${item}<SelfDeclaration><AuthorisationID>A1</AuthorisationID><AuthorisationCategoryCode>approved</AuthorisationCategoryCode></SelfDeclaration>`;
    assert.equal(decodeXml(doc(selfDeclaration)).ok, true);
    issue(decodeXml(doc(selfDeclaration, `<ProofOfOrigin xmlns="${ns}" datasetVersion="1.0.0">`)), 'xml.unknown-element', '/SelfDeclaration');
  });

  it('reports unknown elements with the JSON pointer where they are', () => {
    const second = item.replace('<SequenceNumeric>1', '<SequenceNumeric>2').replace('</GoodsItem>', '<Colour>red</Colour></GoodsItem>');
    const params = issue(decodeXml(doc(`${item}${second}`)), 'xml.unknown-element', '/goodsItems/1/Colour');
    assert.equal(params['name'], 'Colour');
    issue(decodeXml(doc(`${item}<Unknown><Deeper/></Unknown>`)), 'xml.unknown-element', '/Unknown');
  });

  it('reports an element of another namespace as unknown', () => {
    const params = issue(decodeXml(doc(`${item}<x:Remarks xmlns:x="urn:other">hi</x:Remarks>`)), 'xml.unknown-element', '/x:Remarks');
    assert.equal(params['name'], '{urn:other}Remarks');
  });

  it('refuses child elements inside a leaf (mixed content)', () => {
    issue(decodeXml(doc().replace('<Name>PT Kopi</Name>', '<Name>PT <b>Kopi</b></Name>')), 'xml.unknown-element', '/exporter/name/b');
  });

  it('ignores white space between elements but refuses other text there', () => {
    const indented = doc().replace(/></g, '>\n\t  \r\n<');
    assert.deepStrictEqual(value(decodeXml(indented)), expectedBase);
    const params = issue(decodeXml(doc().replace('<Name>PT Kopi</Name>', 'stray<Name>PT Kopi</Name>')), 'xml.unexpected-text', '/exporter');
    assert.equal(params['text'], 'stray');
  });

  it('refuses a repeated single element and elements out of order', () => {
    issue(decodeXml(doc(`${item}<Remarks>a</Remarks><Remarks>b</Remarks>`)), 'xml.repeated-element', '/remarks');
    const swapped = doc().replace(`${header}${exporter}`, `${exporter}${header}`);
    const params = issue(decodeXml(swapped), 'xml.element-order', '/header');
    assert.deepEqual([params['name'], params['after']], ['Header', 'Exporter']);
  });

  it('refuses unknown attributes but allows namespace declarations and xsi:schemaLocation', () => {
    issue(decodeXml(doc().replace('<Exporter>', '<Exporter role="x">')), 'xml.unknown-attribute', '/exporter');
    const hinted = doc(item, `<ProofOfOrigin xmlns="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns} eco-document.xsd" datasetVersion="1.1.0">`);
    assert.deepStrictEqual(value(decodeXml(hinted)), expectedBase);
  });
});

describe('decodeXml: values', () => {
  it('reads integers, decimals and booleans in their XSD forms', () => {
    const body = `${item.replace('<SequenceNumeric>1<', '<SequenceNumeric> 001 <')}<SpecialCases><BackToBackIndicator>1</BackToBackIndicator><ExhibitionIndicator>\n false \n</ExhibitionIndicator></SpecialCases>`;
    const totals = '<Totals><TotalGrossMassMeasure><Value>+0012.50</Value><UnitCode>KGM</UnitCode></TotalGrossMassMeasure></Totals>';
    const read = value(decodeXml(doc(body.replace('<SpecialCases>', `${totals}<SpecialCases>`))));
    assert.deepStrictEqual(read['goodsItems'], expectedBase.goodsItems);
    assert.deepStrictEqual(read['totals'], { grossWeight: { value: 12.5, unitCode: 'KGM' } });
    assert.deepStrictEqual(read['specialCases'], { backToBack: true, exhibition: false });
  });

  it('refuses numbers and booleans it cannot read with xml.value at the value path', () => {
    const bad: [string, string, string][] = [
      ['<SequenceNumeric>1</SequenceNumeric>', '<SequenceNumeric>1.5</SequenceNumeric>', '/goodsItems/0/itemNumber'],
      ['<SequenceNumeric>1</SequenceNumeric>', '<SequenceNumeric>1e3</SequenceNumeric>', '/goodsItems/0/itemNumber'],
      ['<SequenceNumeric>1</SequenceNumeric>', '<SequenceNumeric></SequenceNumeric>', '/goodsItems/0/itemNumber'],
      ['</OriginCriterion>', '<RegionalValueContentPercent>forty</RegionalValueContentPercent></OriginCriterion>', '/goodsItems/0/originCriterion/rvcPercentage'],
      ['</GoodsItem>', '<GrossMassMeasure><Value>12345678901234567890.5</Value><UnitCode>KGM</UnitCode></GrossMassMeasure></GoodsItem>', '/goodsItems/0/grossWeight/value'],
    ];
    for (const [from, to, path] of bad) issue(decodeXml(doc(item.replace(from, to))), 'xml.value', path);
    const params = issue(decodeXml(doc(`${item}<SpecialCases><BackToBackIndicator>yes</BackToBackIndicator></SpecialCases>`)), 'xml.value', '/specialCases/backToBack');
    assert.deepEqual([params['name'], params['value']], ['BackToBackIndicator', 'yes']);
  });

  it('keeps leaf text exactly: white space, references, CR, non-ASCII, CDATA; drops comments', () => {
    const remarks = '<Remarks>  a &lt;b&gt; &amp; &apos;c&apos; &quot;d&quot;&#13;&#10;&#x9;é 😀 <![CDATA[<raw> & ]]>x<!-- note -->y </Remarks>';
    assert.equal(value(decodeXml(doc(`${item}${remarks}`)))['remarks'], '  a <b> & \'c\' "d"\r\n\té 😀 <raw> & xy ');
  });

  it('normalises a literal CR LF in the XML text to LF, as XML requires (the writer writes &#13;)', () => {
    assert.equal(value(decodeXml(doc(`${item}<Remarks>a\r\nb\rc</Remarks>`)))['remarks'], 'a\nb\nc');
  });

  it('reads an empty aggregate as an empty object and strips white space from base64', () => {
    const read = value(decodeXml(doc(`${item}<Attachment><ID>1</ID><MediaTypeCode>text/plain</MediaTypeCode><Content>\n  aGVs\n  bG8=\n</Content></Attachment>`).replace('<Name>PT Kopi</Name>', '<Name>PT Kopi</Name><Contact/>')));
    assert.deepStrictEqual(read['exporter'], { name: 'PT Kopi', contact: {} });
    assert.deepStrictEqual(read['attachments'], [{ id: '1', mediaType: 'text/plain', content: 'aGVsbG8=' }]);
  });

  it('accepts a byte order mark', () => {
    assert.deepStrictEqual(value(decodeXml(`\uFEFF${doc()}`)), expectedBase);
  });
});

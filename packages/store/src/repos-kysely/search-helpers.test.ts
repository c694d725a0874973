import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import { containsPattern, foldForSearch, foldNames, prefixUpperBound } from './search-text.js';

describe('search helpers', () => {
  it('folds names with NFKC, lower case and single spaces', () => {
    assert.equal(foldForSearch('  ＡＢＣ  Trading\tCo. '), 'abc trading co.');
    assert.equal(foldNames(['Kopi', null, 'PT  Jaya']), 'kopi\npt jaya');
  });

  it('escapes LIKE wildcards and the escape character itself', () => {
    assert.equal(containsPattern('100%_a\\b'), '%100\\%\\_a\\\\b%');
  });

  it('bounds an HS code prefix range just above every code with that prefix', () => {
    assert.equal(prefixUpperBound('0901'), '0902');
    assert.equal(prefixUpperBound('09'), '0:');
    assert.ok('090199' < prefixUpperBound('0901') && '0902' >= prefixUpperBound('0901'));
  });

  it('round-trips a cursor and refuses anything else', () => {
    const cursor = encodeCursor({ createdAt: 1_760_000_000_000, id: 'c-1' });
    assert.deepEqual(decodeCursor(cursor), { createdAt: 1_760_000_000_000, id: 'c-1' });
    for (const bad of ['', 'x', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      assert.equal(decodeCursor(bad), undefined, bad);
    }
  });
});

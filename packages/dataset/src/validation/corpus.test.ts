/**
 * The document corpus as a test: every valid document validates without errors under the profile
 * its header selects, and every invalid document yields exactly the issues corpus/invalid/expected.json
 * lists (code and path), with `now` pinned so that date rules give the same answer every day.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusNow, invalidCorpus, invalidCorpusFiles, invalidExpectations, validCorpus } from '../testing/corpus.js';
import { validateDocument } from './validate.js';

const issueKey = (i: { code: string; path: string }) => `${i.code} at ${i.path || '(document)'}`;

describe('valid corpus', () => {
  const corpus = validCorpus();

  it('has at least 30 documents, each with a built-in profile', () => {
    assert.ok(corpus.length >= 30, `only ${corpus.length} valid documents`);
    for (const { file, profile } of corpus) assert.ok(profile, `${file}: no built-in profile matches its agreement, type and form`);
  });

  for (const { file, document, profile } of corpus) {
    it(`${file} validates without errors under ${profile?.id ?? 'no profile'}`, () => {
      const result = validateDocument(document, { profile, now: corpusNow });
      const errors = result.issues.filter((i) => i.severity !== 'info').map((i) => `${issueKey(i)}: ${i.message}`);
      assert.deepEqual(errors, []);
      assert.equal(result.ok, true);
    });
  }
});

describe('invalid corpus', () => {
  const corpus = invalidCorpus();

  it('has at least 30 documents, each listed in expected.json with the profile it names', () => {
    assert.ok(corpus.length >= 30, `only ${corpus.length} invalid documents`);
    assert.deepEqual(invalidCorpusFiles(), Object.keys(invalidExpectations()).sort());
    for (const c of corpus) if (c.profileId !== null) assert.ok(c.profile, `${c.file}: unknown profile ${c.profileId}`);
  });

  for (const c of corpus) {
    it(`${c.file} yields exactly its expected issues`, () => {
      const result = validateDocument(c.document, { profile: c.profile, now: corpusNow });
      assert.deepEqual(result.issues.map(issueKey).sort(), c.issues.map(issueKey).sort(), c.description);
    });
  }
});

/**
 * Test support: the document corpus (packages/dataset/corpus/valid and corpus/invalid) read from
 * disk, each document with the built-in profile it is validated with. Used by tests and the
 * benchmark only, since it reads files; see corpus/README.md for the conventions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { findProfile, selectProfile } from '../profiles/builtin.js';
import type { Profile } from '../profiles/profile-schema.js';

const corpusDir = new URL('../../corpus/', import.meta.url);

/** The instant the corpus is validated at: every issue date in it is before this day. */
export const corpusNow = new Date('2026-11-01T00:00:00Z');

export interface ValidCorpusDocument {
  readonly file: string;
  readonly document: unknown;
  /** Chosen by the document's agreement, type and form (selectProfile); undefined when none fits. */
  readonly profile: Profile | undefined;
}

export interface ExpectedIssue {
  readonly code: string;
  readonly path: string;
}

export interface InvalidCorpusDocument {
  readonly file: string;
  readonly document: unknown;
  /** The profile id expected.json names (null: validated without a profile). */
  readonly profileId: string | null;
  readonly profile: Profile | undefined;
  readonly description: string;
  readonly issues: readonly ExpectedIssue[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, corpusDir), 'utf8')) as unknown;
}

/** Every valid corpus document, in file-name order. */
export function validCorpus(): ValidCorpusDocument[] {
  return readdirSync(new URL('valid/', corpusDir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const document = readJson(`valid/${file}`);
      return { file, document, profile: selectProfile(document) };
    });
}

interface ExpectedEntry {
  readonly profile: string | null;
  readonly description: string;
  readonly issues: readonly ExpectedIssue[];
}

/** The expectations of corpus/invalid/expected.json, keyed by file name. */
export function invalidExpectations(): Readonly<Record<string, ExpectedEntry>> {
  return readJson('invalid/expected.json') as Record<string, ExpectedEntry>;
}

/** Every invalid corpus document with its expected issues, in file-name order. */
export function invalidCorpus(): InvalidCorpusDocument[] {
  const expected = invalidExpectations();
  return Object.keys(expected)
    .sort()
    .map((file) => {
      const e = expected[file]!;
      return { file, document: readJson(`invalid/${file}`), profileId: e.profile, profile: e.profile === null ? undefined : findProfile(e.profile), description: e.description, issues: e.issues };
    });
}

/** The JSON files of corpus/invalid (to check that each one has an expectation). */
export function invalidCorpusFiles(): string[] {
  return readdirSync(new URL('invalid/', corpusDir)).filter((f) => f.endsWith('.json') && f !== 'expected.json').sort();
}

/**
 * Agreement profiles: the schema, parsing and validating a profile file, the built-in profiles and
 * the choice of the profile that applies to a document. (The generator of the built-in module,
 * builtin-generator.ts, is for scripts/generate.ts and is not re-exported here.)
 */
export { OriginCriterionRule, ProfileSchema, type Profile } from './profile-schema.js';
export { checkProfile, parseProfile, type ProfileProblem, type ProfileResult } from './parse-profile.js';
export { builtinProfiles, findProfile, selectProfile } from './builtin.js';
export { exclusion, profileKinds, usedEntries, usedKeys, type Usage, type UsedEntry } from './used-elements.js';

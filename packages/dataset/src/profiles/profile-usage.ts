/** The element usage of a profile, as the validator needs it (sets, built once per profile). */
import type { ElementUsage } from '../validation/element-usage.js';
import type { Profile } from './profile-schema.js';

const cache = new WeakMap<Profile, ElementUsage>();

export function profileUsage(profile: Profile): ElementUsage {
  let usage = cache.get(profile);
  if (!usage) {
    usage = { required: new Set(profile.elements.required), notUsed: new Set(profile.elements.notUsed) };
    cache.set(profile, usage);
  }
  return usage;
}

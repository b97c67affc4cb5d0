import type { SiteSettings } from './site-settings';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Applies a partial settings change: top-level keys replace, and nested
 * objects (the spam and toxicity bands) merge one level deep, so
 * `{"spam": {"rejectAbove": 0.9}}` keeps `spam.approveBelow`. The result is
 * unvalidated: parse it with `siteSettingsSchema`, which refuses unknown keys.
 */
export function mergeSettingsPatch(current: SiteSettings, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const before = merged[key];
    merged[key] = isPlainObject(before) && isPlainObject(value) ? { ...before, ...value } : value;
  }
  return merged;
}

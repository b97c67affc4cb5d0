import { mergeSettingsPatch } from './settings-patch';
import { DEFAULT_SITE_SETTINGS } from './site-settings';

describe('mergeSettingsPatch', () => {
  it('replaces top-level keys and merges the bands one level deep', () => {
    const merged = mergeSettingsPatch(DEFAULT_SITE_SETTINGS, { maxLinks: 5, spam: { rejectAbove: 0.9 } });
    expect(merged).toMatchObject({ maxLinks: 5, spam: { approveBelow: 0.3, rejectAbove: 0.9 }, toxicity: DEFAULT_SITE_SETTINGS.toxicity });
  });

  it('replaces lists whole and keeps unknown keys for the schema to refuse', () => {
    const merged = mergeSettingsPatch(DEFAULT_SITE_SETTINGS, { allowedOrigins: ['https://a.example'], colour: 'red' });
    expect(merged.allowedOrigins).toEqual(['https://a.example']);
    expect(merged.colour).toBe('red');
  });
});

import { trainSiteModelPayloadSchema } from './train-site-model.queue';

describe('trainSiteModelPayloadSchema', () => {
  it('reads a request, with or without a cutoff', () => {
    expect(trainSiteModelPayloadSchema.parse({ v: 1, siteId: 'news', requestedBy: 'system:cli' })).toEqual({ v: 1, siteId: 'news', requestedBy: 'system:cli' });
    expect(trainSiteModelPayloadSchema.parse({ v: 1, siteId: 'news', requestedBy: 'u', cutoff: '2026-12-01T03:00:00.000Z' }).cutoff).toBe('2026-12-01T03:00:00.000Z');
  });

  it.each([
    [{ v: 2, siteId: 'news', requestedBy: 'u' }, 'v'],
    [{ v: 1, siteId: '', requestedBy: 'u' }, 'siteId'],
    [{ v: 1, siteId: 'news' }, 'requestedBy'],
    [{ v: 1, siteId: 'news', requestedBy: 'u', cutoff: 'yesterday' }, 'cutoff'],
  ])('refuses %j, naming %s', (payload, field) => {
    const parsed = trainSiteModelPayloadSchema.safeParse(payload);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });
});

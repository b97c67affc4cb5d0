import { webhookDeliveryPayloadSchema, webhookRetryDelay as sut } from './webhook-delivery.queue';

describe('webhookRetryDelay', () => {
  it('doubles the base per attempt made, less up to a fifth', () => {
    expect([1, 2, 3, 7].map((n) => sut(n, 30_000, () => 0))).toEqual([30_000, 60_000, 120_000, 1_920_000]);
    expect(sut(1, 30_000, () => 1)).toBe(24_000);
  });
});

describe('webhookDeliveryPayloadSchema', () => {
  const payload = {
    v: 1,
    eventId: '7d0c8a4e-4f0e-4f4e-9d7e-0c1b2a3d4e5f',
    type: 'comment.held',
    siteId: 'blog',
    commentId: '2b1c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b',
    occurredAt: '2026-12-02T10:00:00.000Z',
    decidedBy: 'scorer',
    action: null,
  };

  it('takes ids and what happened', () => {
    expect(webhookDeliveryPayloadSchema.parse(payload)).toEqual(payload);
    expect(webhookDeliveryPayloadSchema.parse({ ...payload, type: 'webhook.test', commentId: null, decidedBy: null })).toMatchObject({ type: 'webhook.test' });
  });

  it('refuses another version or an unknown event', () => {
    expect(webhookDeliveryPayloadSchema.safeParse({ ...payload, v: 2 }).success).toBe(false);
    expect(webhookDeliveryPayloadSchema.safeParse({ ...payload, type: 'comment.deleted' }).success).toBe(false);
  });
});

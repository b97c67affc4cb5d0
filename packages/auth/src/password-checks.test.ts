import { createPasswordChecks } from './password-checks';
import { hashPassword } from './passwords';

describe('password checks', () => {
  it('runs at most maxConcurrent + maxWaiting checks, refusing the rest at once', async () => {
    const hash = await hashPassword('the right passphrase');
    const sut = createPasswordChecks({ maxConcurrent: 1, maxWaiting: 1 });
    const results = await Promise.allSettled([
      sut.verify(hash, 'the right passphrase'),
      sut.verify(undefined, 'an unknown account'),
      sut.verify(hash, 'one too many'),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).name))).toEqual([true, false, 'PasswordChecksBusyError']);
    // Slots free up once checks finish.
    expect(await sut.verify(hash, 'wrong')).toBe(false);
  }, 30_000);
});

import { createPersonalDataKeys } from './privacy';

const sut = createPersonalDataKeys('a'.repeat(32));

describe('personal data keys', () => {
  it('round-trips an email and never shows it in the sealed form', () => {
    const sealed = sut.encryptEmail('Ann@Example.org');
    expect(sealed).not.toContain('Ann');
    expect(sealed.toLowerCase()).not.toContain('example');
    expect(sut.decryptEmail(sealed)).toBe('ann@example.org');
  });

  it('seals the same email differently each time (random IV)', () => {
    expect(sut.encryptEmail('a@b.co')).not.toBe(sut.encryptEmail('a@b.co'));
  });

  it('never repeats an IV across pool refills, and every seal still opens', () => {
    const sealed = Array.from({ length: 1_000 }, (_, i) => sut.encryptEmail(`reader${i}@example.org`));
    expect(new Set(sealed.map((s) => s.split('.')[1])).size).toBe(1_000);
    sealed.forEach((s, i) => expect(sut.decryptEmail(s)).toBe(`reader${i}@example.org`));
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = sut.encryptEmail('a@b.co');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => sut.decryptEmail(tampered)).toThrow();
  });

  it('hashes emails case-insensitively, keyed by the secret', () => {
    expect(sut.hashEmail(' Ann@Example.org')).toBe(sut.hashEmail('ann@example.org'));
    expect(createPersonalDataKeys('b'.repeat(32)).hashEmail('ann@example.org')).not.toBe(sut.hashEmail('ann@example.org'));
  });

  it('keeps email and IP hashes in separate domains', () => {
    expect(sut.hashIp('127.0.0.1')).toMatch(/^[0-9a-f]{64}$/);
    expect(sut.hashIp('x')).not.toBe(sut.hashEmail('x'));
  });

  it('rejects a short secret', () => {
    expect(() => createPersonalDataKeys('short')).toThrow(/32/);
  });
});

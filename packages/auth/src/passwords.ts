import argon2 from 'argon2';

/** Minimum length for staff passwords; long passphrases beat composition rules. */
export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with the library's defaults (64 MiB, t=3, p=4), which follow OWASP guidance. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown keeps response times alike,
// so sign-in does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy-password-for-unknown-users');
  await verifyPassword(await decoyHash, password);
  return false;
}

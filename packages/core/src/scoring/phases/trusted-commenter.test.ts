import type { AuthorHistory } from '../../comment';
import { DEFAULT_SITE_SETTINGS } from '../../site-settings';
import type { PhaseContext } from '../phase';
import { trustedCommenter as sut } from './trusted-commenter';

const context = (trustAfterApproved: number, authorHistory?: AuthorHistory): PhaseContext =>
  ({ body: 'hi', name: 'Ann', settings: { ...DEFAULT_SITE_SETTINGS, trustAfterApproved }, authorHistory }) as PhaseContext;

describe('trustedCommenter', () => {
  it('trusts an author with enough approved comments and none rejected, and says so', () => {
    expect(sut(context(3, { approved: 5, rejected: 0 }))).toEqual({
      trusted: true,
      reasons: [{ code: 'trusted-commenter', message: 'trusted commenter: 5 approved, none rejected; the hold band does not apply', value: 5 }],
    });
    expect(sut(context(3, { approved: 3, rejected: 0 }))?.trusted).toBe(true);
  });

  it('does not trust an author short of the bar, or with any rejected comment', () => {
    expect(sut(context(3, { approved: 2, rejected: 0 }))).toBeUndefined();
    expect(sut(context(3, { approved: 50, rejected: 1 }))).toBeUndefined();
    expect(sut(context(3))).toBeUndefined();
  });

  it('trusts nobody when the site turned it off', () => {
    expect(sut(context(0, { approved: 100, rejected: 0 }))).toBeUndefined();
  });
});

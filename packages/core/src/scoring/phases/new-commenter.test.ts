import { DEFAULT_SITE_SETTINGS } from '../../site-settings';
import type { PhaseContext } from '../phase';
import { newCommenter } from './new-commenter';

const context = (newCommenterHold: number, approved?: number): PhaseContext =>
  ({ body: 'hi', name: 'Ann', settings: { ...DEFAULT_SITE_SETTINGS, newCommenterHold }, authorHistory: approved === undefined ? undefined : { approved, rejected: 0 } }) as PhaseContext;

describe('newCommenter', () => {
  it('does nothing when the site does not hold new commenters', () => {
    expect(newCommenter(context(0))).toBeUndefined();
  });

  it('holds until the author has that many approved comments', () => {
    expect(newCommenter(context(2))?.holdRules?.[0]).toMatchObject({ code: 'new-commenter', message: 'new commenter: 0 of 2 earlier comments approved' });
    expect(newCommenter(context(2, 1))?.holdRules).toHaveLength(1);
    expect(newCommenter(context(2, 2))).toBeUndefined();
  });
});

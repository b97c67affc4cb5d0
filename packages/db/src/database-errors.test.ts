import { isDatabaseUnavailable, isStatementTimeout } from './database-errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    withCode('getaddrinfo ENOTFOUND db', 'ENOTFOUND'),
    withCode('read ECONNRESET', 'ECONNRESET'),
    withCode('terminating connection due to administrator command', '57P01'),
    withCode('the database system is starting up', '57P03'),
    withCode('connection failure', '08006'),
    withCode('sorry, too many clients already', '53300'),
    new Error('Connection terminated unexpectedly'),
    new Error('Connection terminated due to connection timeout'),
    new Error('timeout exceeded when trying to connect'),
    new AggregateError([withCode('x', 'ECONNREFUSED')]),
  ])('says yes to %s', (error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    withCode('column "body" does not exist', '42703'),
    withCode('relation "comments" does not exist', '42P01'),
    withCode('duplicate key value violates unique constraint', '23505'),
    withCode('canceling statement due to statement timeout', '57014'),
    new Error('a message that mentions Connection terminated later on'),
    new TypeError("Cannot read properties of undefined (reading 'id')"),
    undefined,
    'text',
  ])('says no to %s', (error) => expect(isDatabaseUnavailable(error)).toBe(false));
});

describe('isStatementTimeout', () => {
  it('knows 57014 and nothing else', () => {
    expect(isStatementTimeout(withCode('canceling statement due to statement timeout', '57014'))).toBe(true);
    expect(isStatementTimeout(withCode('x', '57P01'))).toBe(false);
  });
});

import { isDatabaseOutage } from './database-outage';

describe('isDatabaseOutage', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
  ])('says yes to %s', (error) => expect(isDatabaseOutage(error)).toBe(true));

  it.each([new Error('duplicate key value violates unique constraint'), Object.assign(new Error('x'), { code: '23505' }), undefined, 'text'])(
    'says no to %s',
    (error) => expect(isDatabaseOutage(error)).toBe(false),
  );
});

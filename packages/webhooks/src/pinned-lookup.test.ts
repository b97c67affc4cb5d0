import type { LookupAddress } from 'node:dns';
import { pinnedLookup, RefusedAddressError } from './pinned-lookup';
import type { ResolveHost } from './resolve-host';

const resolver =
  (...addresses: string[]): ResolveHost =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

function lookUp(resolve: ResolveHost, options: { all?: boolean; family?: number }, allowPrivateNetworks = false) {
  const sut = pinnedLookup({ allowPrivateNetworks }, resolve);
  return new Promise<{ error: Error | null; result: unknown }>((done) => {
    sut('hooks.example.org', options as never, ((error: Error | null, address: string | LookupAddress[], family?: number) =>
      done({ error, result: options.all ? address : { address, family } })) as never);
  });
}

describe('pinnedLookup', () => {
  it('hands the socket the checked addresses, one or all as asked', async () => {
    const resolve = resolver('93.184.216.34', '2606:2800:220:1::248');
    expect(await lookUp(resolve, {})).toEqual({ error: null, result: { address: '93.184.216.34', family: 4 } });
    expect(await lookUp(resolve, { family: 6 })).toEqual({ error: null, result: { address: '2606:2800:220:1::248', family: 6 } });
    expect(await lookUp(resolve, { all: true })).toEqual({
      error: null,
      result: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::248', family: 6 },
      ],
    });
  });

  it('refuses the whole host when any of its addresses is private', async () => {
    const { error } = await lookUp(resolver('93.184.216.34', '::ffff:192.168.0.1'), { all: true });
    expect(error).toEqual(new RefusedAddressError('hooks.example.org resolves to 192.168.0.1, in a private range'));
  });

  it('passes on a resolver failure', async () => {
    const failing: ResolveHost = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example.org'), { code: 'ENOTFOUND' });
    };
    expect((await lookUp(failing, {})).error).toMatchObject({ code: 'ENOTFOUND' });
  });
});

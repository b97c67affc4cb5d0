import type { ResolveHost } from './resolve-host';
import { checkWebhookUrl as sut, parseWebhookUrl, WebhookUrlError } from './webhook-url';

const strict = { allowHttp: false, allowPrivateNetworks: false };
const relaxed = { allowHttp: true, allowPrivateNetworks: true };
const resolvesTo =
  (...addresses: string[]): ResolveHost =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const unresolvable: ResolveHost = async () => {
  throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
};

describe('checkWebhookUrl', () => {
  it('takes an https URL whose host resolves to public addresses only', async () => {
    const url = await sut('https://hooks.example.org/moderato?x=1', strict, resolvesTo('93.184.216.34', '2606:2800:220:1::248'));
    expect(url.href).toBe('https://hooks.example.org/moderato?x=1');
  });

  it.each([
    ['http://hooks.example.org/', 'url must use https (plain http is off on this server)'],
    ['ftp://hooks.example.org/', 'url must use https'],
    ['javascript:alert(1)', 'url must use https'],
    ['hooks.example.org/x', 'url must be an absolute URL, such as https://hooks.example.org/moderato'],
    ['https://user:pass@hooks.example.org/', 'url must not carry a user name or password (deliveries are signed instead)'],
    ['https://10.0.0.5/hook', 'url is not allowed: 10.0.0.5 is in a private range'],
    ['https://127.0.0.1:8443/', 'url is not allowed: 127.0.0.1 is in the loopback range'],
    ['https://[::1]/', 'url is not allowed: ::1 is in the loopback range'],
    ['https://[::ffff:7f00:1]/', 'url is not allowed: 127.0.0.1 is in the loopback range'],
    ['https://169.254.169.254/latest/meta-data/', 'url is not allowed: 169.254.169.254 is in a link-local range'],
    // WHATWG URL parsing turns these spellings into 127.0.0.1 before anything looks at them.
    ['https://0x7f.1/', 'url is not allowed: 127.0.0.1 is in the loopback range'],
    ['https://2130706433/', 'url is not allowed: 127.0.0.1 is in the loopback range'],
    ['https://017700000001/', 'url is not allowed: 127.0.0.1 is in the loopback range'],
    ['https://localhost:3000/', 'url is not allowed: localhost is in the loopback range'],
    ['https://app.localhost/', 'url is not allowed: app.localhost is in the loopback range'],
    [`https://hooks.example.org/${'a'.repeat(2048)}`, 'url must be at most 2048 characters'],
  ])('refuses %s', async (url, message) => {
    await expect(sut(url, strict, resolvesTo('93.184.216.34'))).rejects.toEqual(new WebhookUrlError(message));
  });

  it('refuses a name that resolves to a private address, even beside a public one', async () => {
    await expect(sut('https://internal.example.org/', strict, resolvesTo('93.184.216.34', '10.0.0.7'))).rejects.toEqual(
      new WebhookUrlError('url is not allowed: internal.example.org resolves to 10.0.0.7, in a private range'),
    );
  });

  it('refuses a name that does not resolve', async () => {
    await expect(sut('https://nowhere.invalid/', strict, unresolvable)).rejects.toEqual(new WebhookUrlError("url's host nowhere.invalid does not resolve"));
  });

  it('takes plain http and private addresses only when the operator allows them', async () => {
    expect((await sut('http://127.0.0.1:8080/hook', relaxed, unresolvable)).port).toBe('8080');
    expect((await sut('http://relay.internal/hook', relaxed, resolvesTo('10.1.1.1'))).hostname).toBe('relay.internal');
    expect(() => parseWebhookUrl('http://127.0.0.1/', { allowHttp: true, allowPrivateNetworks: false })).toThrow('url is not allowed: 127.0.0.1 is in the loopback range');
    expect(() => parseWebhookUrl('http://8.8.8.8/', { allowHttp: false, allowPrivateNetworks: true })).toThrow('url must use https');
  });
});

import { isLocalhostName, literalAddress, refusalOf as sut } from './address-policy';

const closed = { allowPrivateNetworks: false };
const open = { allowPrivateNetworks: true };

describe('refusalOf', () => {
  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8'])('lets %s through: ordinary public unicast', (address) => {
    expect(sut(address, closed)).toBeNull();
  });

  it.each([
    ['10.1.2.3', 'in a private range'],
    ['172.16.0.1', 'in a private range'],
    ['172.31.255.254', 'in a private range'],
    ['192.168.1.1', 'in a private range'],
    ['127.0.0.1', 'in the loopback range'],
    ['127.8.9.10', 'in the loopback range'],
    ['::1', 'in the loopback range'],
    ['169.254.169.254', 'in a link-local range'],
    ['fe80::1', 'in a link-local range'],
    ['100.64.0.1', 'in the carrier-grade NAT range'],
    ['100.127.255.254', 'in the carrier-grade NAT range'],
    ['224.0.0.1', 'in a multicast range'],
    ['ff02::1', 'in a multicast range'],
    ['fc00::1', 'in an IPv6 unique-local range'],
    ['fd12:3456::1', 'in an IPv6 unique-local range'],
    ['0.0.0.0', 'the unspecified address'],
    ['::', 'the unspecified address'],
    ['255.255.255.255', 'the broadcast address'],
    ['192.0.2.10', 'in a special-purpose range (reserved)'],
    ['240.0.0.1', 'in a special-purpose range (reserved)'],
  ])('refuses %s: %s', (address, why) => {
    expect(sut(address, closed)).toEqual({ address, why });
  });

  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1', 'in the loopback range'],
    ['::ffff:10.0.0.1', '10.0.0.1', 'in a private range'],
    ['::ffff:a9fe:a9fe', '169.254.169.254', 'in a link-local range'],
  ])('judges the IPv4-mapped %s as %s', (address, as, why) => {
    expect(sut(address, closed)).toEqual({ address: as, why });
  });

  it.each([
    ['2002:7f00:1::1', '6to4'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['2001::1', 'teredo'],
  ])('refuses %s, which carries an IPv4 address another way (%s)', (address, range) => {
    expect(sut(address, open)).toEqual({ address, why: `in a special-purpose range (${range})` });
  });

  it('opens private, loopback, unique-local and CGNAT ranges when the operator allows private networks, but never link-local', () => {
    for (const address of ['10.1.2.3', '192.168.0.9', '127.0.0.1', '::1', 'fd00::1', '100.64.0.1', '::ffff:127.0.0.1']) expect(sut(address, open)).toBeNull();
    for (const address of ['169.254.169.254', 'fe80::1', '0.0.0.0', '224.0.0.1', '255.255.255.255']) expect(sut(address, open)).not.toBeNull();
  });

  it('refuses what is not an address', () => {
    expect(sut('example.org', open)).toEqual({ address: 'example.org', why: 'not an IP address' });
  });
});

describe('literalAddress and isLocalhostName', () => {
  it('tells an address in a URL hostname from a name', () => {
    expect(literalAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(literalAddress('[::1]')).toBe('::1');
    expect(literalAddress('hooks.example.org')).toBeNull();
  });

  it('takes localhost and its subdomains as loopback', () => {
    for (const name of ['localhost', 'LOCALHOST', 'localhost.', 'api.localhost']) expect(isLocalhostName(name)).toBe(true);
    for (const name of ['localhost.example.org', 'mylocalhost']) expect(isLocalhostName(name)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { addressRefusal } from '../../../src/ingest/feeds/address-guard.ts';

describe('addressRefusal', () => {
  it('allows public unicast addresses', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
      expect(addressRefusal(ip, false)).toBeNull();
    }
  });

  it('refuses loopback, private, CGNAT, reserved and unique-local addresses unless private feeds are allowed', () => {
    const internal = [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '192.0.2.1',
      '240.0.0.1',
      '::1',
      'fc00::1',
      'fd12::1',
    ];
    for (const ip of internal) {
      expect(addressRefusal(ip, false), ip).toMatch(/not public/);
      expect(addressRefusal(ip, true), ip).toBeNull();
    }
  });

  it('always refuses link-local (cloud metadata), unspecified, multicast and broadcast addresses', () => {
    for (const ip of [
      '169.254.169.254',
      'fe80::1',
      '0.0.0.0',
      '::',
      '224.0.0.1',
      'ff02::1',
      '255.255.255.255',
    ]) {
      expect(addressRefusal(ip, false), ip).not.toBeNull();
      expect(addressRefusal(ip, true), ip).not.toBeNull();
    }
  });

  it('sees through IPv4 addresses embedded in IPv6 (mapped, NAT64, 6to4)', () => {
    expect(addressRefusal('::ffff:127.0.0.1', false)).toMatch(/loopback/);
    expect(addressRefusal('::ffff:169.254.169.254', true)).toMatch(/linkLocal/);
    expect(addressRefusal('64:ff9b::a9fe:a9fe', true)).toMatch(/linkLocal/);
    expect(addressRefusal('2002:7f00:1::1', false)).toMatch(/loopback/);
  });

  it('refuses IPv4-compatible IPv6 (::/96) whatever it carries, in hex or dotted form', () => {
    for (const ip of [
      '::7f00:1',
      '::127.0.0.1',
      '::a9fe:a9fe',
      '::169.254.169.254',
      '::c0a8:101',
      '::808:808',
    ]) {
      expect(addressRefusal(ip, false), ip).toMatch(/IPv4-compatible/);
      expect(addressRefusal(ip, true), ip).toMatch(/IPv4-compatible/);
    }
  });

  // One row per form: the IPv6 address carrying 127.0.0.1, 10.0.0.1 and 169.254.169.254.
  const forms: Record<string, [string, string, string]> = {
    'IPv4-mapped ::ffff:0:0/96': ['::ffff:7f00:1', '::ffff:a00:1', '::ffff:a9fe:a9fe'],
    'NAT64 64:ff9b::/96': ['64:ff9b::7f00:1', '64:ff9b::10.0.0.1', '64:ff9b::a9fe:a9fe'],
    // The /48 form puts the IPv4 address in bits 48-63 and 72-87.
    'local NAT64 64:ff9b:1::/48': [
      '64:ff9b:1:7f00:0:100::',
      '64:ff9b:1:a00:0:100::',
      '64:ff9b:1:a9fe:a9:fe00::',
    ],
    '6to4 2002::/16': ['2002:7f00:1::1', '2002:a00:1::1', '2002:a9fe:a9fe::1'],
    // Teredo: the server in bits 32-63, the client inverted in the last 32 bits.
    'Teredo 2001::/32': ['2001:0:7f00:1::ffff:fffe', '2001:0:808:808::f5ff:fffe', '2001:0:a9fe:a9fe::1'],
    'IPv4-translated ::ffff:0:0:0/96': ['::ffff:0:7f00:1', '::ffff:0:a00:1', '::ffff:0:a9fe:a9fe'],
  };
  for (const [form, [loopback, internal, linkLocal]] of Object.entries(forms)) {
    it(`refuses ${form} carrying a loopback, private or link-local IPv4 address`, () => {
      for (const ip of [loopback, internal, linkLocal]) expect(addressRefusal(ip, false), ip).not.toBeNull();
      // Link-local is the cloud metadata service: refused even where private feeds are allowed.
      expect(addressRefusal(linkLocal, true), linkLocal).not.toBeNull();
    });
  }

  it('refuses the local NAT64 prefix even where its last 32 bits read as a public address', () => {
    // 169.254.169.254 in the /48 layout, with 8.8.8.8 where the /96 layout would look.
    expect(addressRefusal('64:ff9b:1:a9fe:a9:fe00:808:808', false)).toMatch(/local-use NAT64/);
    expect(addressRefusal('64:ff9b:1:a9fe:a9:fe00:808:808', true)).toMatch(/local-use NAT64/);
  });

  it('still allows a public IPv4 address in the mapped, NAT64 and 6to4 forms', () => {
    for (const ip of ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1']) {
      expect(addressRefusal(ip, false), ip).toBeNull();
    }
  });
});

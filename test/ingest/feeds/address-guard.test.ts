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
});

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { CodedError, ErrorCode } from '../../core/errors.ts';

/** Why a feed URL was refused by the SSRF guard; the message is safe to show to users. */
export class BlockedAddressError extends CodedError {
  override name = 'BlockedAddressError';
  readonly code = ErrorCode.BlockedAddress;
}

// Ranges no feed may ever point at, even with ALLOW_PRIVATE_FEEDS: link-local holds the cloud
// metadata service (169.254.169.254), and the others are not unicast hosts at all.
const ALWAYS_REFUSED = new Set(['linkLocal', 'unspecified', 'multicast', 'broadcast']);
// Ranges refused unless private feeds are allowed (local testing).
const PRIVATE = new Set([
  'loopback',
  'private',
  'carrierGradeNat',
  'uniqueLocal',
  'reserved',
  'benchmarking',
]);

function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const range = addr.range();
  if (range === 'ipv4Mapped') return addr.toIPv4Address();
  const bytes = addr.toByteArray();
  // NAT64 (64:ff9b::/96) carries the IPv4 address in the last 32 bits, 6to4 (2002::/16) in bits 16-48.
  if (range === 'rfc6052') return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  return undefined;
}

/** Null when the address may be fetched; otherwise the reason it may not. */
export function addressRefusal(address: string, allowPrivate: boolean): string | null {
  if (!ipaddr.isValid(address)) return `not an IP address: ${address}`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v4 = embeddedIPv4(parsed as ipaddr.IPv6);
    if (v4) parsed = v4;
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (ALWAYS_REFUSED.has(range)) return `${address} is a ${range} address`;
  if (allowPrivate && PRIVATE.has(range)) return null;
  return `${address} is a ${range} address (not public)`;
}

export function assertAddressAllowed(address: string, allowPrivate: boolean): void {
  const reason = addressRefusal(address, allowPrivate);
  if (reason) throw new BlockedAddressError(`refused: ${reason}`);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls connect options: resolves the name, then refuses the connection when any
 * resolved address is not allowed, so DNS names pointing at internal hosts are caught after resolution.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ) => {
    dnsLookup(hostname, { all: true, family: Number(options.family) || 0 }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const { address } of addresses) {
        const reason = addressRefusal(address, allowPrivate);
        if (reason) return callback(new BlockedAddressError(`refused ${hostname}: ${reason}`), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new BlockedAddressError(`no address for ${hostname}`), []);
      callback(null, first.address, first.family);
    });
  };
}

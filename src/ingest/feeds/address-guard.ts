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

/** The first `length` bytes of an address are `prefix` followed by zeros. */
const startsWith = (bytes: number[], prefix: number[], length: number): boolean =>
  bytes.slice(0, length).every((b, i) => b === (prefix[i] ?? 0));

const v4At = (bytes: number[], at: number) => new ipaddr.IPv4(bytes.slice(at, at + 4));

/**
 * IPv6 forms that stand for an IPv4 host, with the IPv4 address they carry: the IPv4 address
 * decides. ipaddr.js's range names are not used to find them: it calls 64:ff9b:1::/48 rfc6052 too,
 * where the IPv4 address sits elsewhere.
 */
function embeddedIPv4(bytes: number[]): ipaddr.IPv4 | undefined {
  // IPv4-mapped, ::ffff:0:0/96: the last 32 bits.
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 12)) return v4At(bytes, 12);
  // NAT64 well-known prefix, 64:ff9b::/96 (RFC 6052): the last 32 bits.
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b], 12)) return v4At(bytes, 12);
  // 6to4, 2002::/16: bits 16-48.
  if (startsWith(bytes, [0x20, 0x02], 2)) return v4At(bytes, 2);
  return undefined;
}

/**
 * IPv6 ranges refused whatever they carry: IPv4-compatible addresses (::/96, deprecated; `::7f00:1`
 * would otherwise pass as "unicast") and the local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215),
 * whose IPv4 address may sit at any of several places. Teredo and the other special ranges are
 * refused by their range name below.
 */
function refusedIPv6Form(bytes: number[]): string | undefined {
  const loopbackOrUnspecified = startsWith(bytes, [], 15) && (bytes[15] ?? 0) <= 1;
  if (startsWith(bytes, [], 12) && !loopbackOrUnspecified) return 'an IPv4-compatible IPv6 address';
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 1], 6)) return 'a local-use NAT64 address';
  return undefined;
}

/** Null when an address in this range may be fetched; otherwise why not. */
function rangeRefusal(address: string, range: string, allowPrivate: boolean): string | null {
  if (range === 'unicast') return null;
  if (ALWAYS_REFUSED.has(range)) return `${address} is a ${range} address`;
  if (allowPrivate && PRIVATE.has(range)) return null;
  return `${address} is a ${range} address (not public)`;
}

/**
 * The 16 bytes of an IPv6 address. ipaddr.js reads `::a.b.c.d` (IPv4-compatible, as inet_ntop writes
 * it) as `::ffff:a.b.c.d`; with its dotted tail written as two hex groups it is read as it is.
 */
function ipv6Bytes(address: string): number[] {
  const tail = address.lastIndexOf(':') + 1;
  const dotted = address.slice(tail);
  if (!ipaddr.IPv4.isValidFourPartDecimal(dotted)) return ipaddr.IPv6.parse(address).toByteArray();
  const [a, b, c, d] = ipaddr.IPv4.parse(dotted).octets as [number, number, number, number];
  const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  return ipaddr.IPv6.parse(address.slice(0, tail) + hex).toByteArray();
}

/** Null when the address may be fetched; otherwise the reason it may not. */
export function addressRefusal(address: string, allowPrivate: boolean): string | null {
  if (!ipaddr.isValid(address)) return `not an IP address: ${address}`;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const bytes = ipv6Bytes(address);
    const form = refusedIPv6Form(bytes);
    if (form) return `${address} is ${form}`;
    const v4 = embeddedIPv4(bytes);
    if (v4) return rangeRefusal(`${address} (carrying ${v4})`, v4.range(), allowPrivate);
  }
  return rangeRefusal(address, parsed.range(), allowPrivate);
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

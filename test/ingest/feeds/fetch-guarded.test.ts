import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchGuarded, USER_AGENT } from '../../../src/ingest/feeds/fetch-guarded.ts';
import { FeedServer, serve } from './feed-server.ts';

const RSS = '<rss version="2.0"><channel><title>Local</title></channel></rss>';
const allowed = { timeoutMs: 5_000, maxBytes: 1024 * 1024, allowPrivate: true };

let server: FeedServer;
beforeAll(async () => {
  server = await new FeedServer({
    '/feed': serve(RSS),
    '/gzip': serve(gzipSync(RSS), { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }),
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Sat, 21 Nov 2026 10:00:00 GMT' }).end(RSS);
    },
    '/hop1': (_req, res) => res.writeHead(302, { location: '/hop2' }).end(),
    '/hop2': (_req, res) => res.writeHead(301, { location: '/feed' }).end(),
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
    '/chain': (req, res) => {
      const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
    },
    '/to-metadata': (_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/huge': (_req, res) => {
      // 50 MB, streamed: the fetcher must stop reading long before the end.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once('drain', pump);
      };
      res.on('close', () => {
        sent = 50;
      });
      pump();
    },
    '/bomb': serve(gzipSync(Buffer.alloc(64 * 1024 * 1024, ' ')), {
      'content-type': 'application/rss+xml',
      'content-encoding': 'gzip',
    }),
    '/silent': () => {
      // Never answers.
    },
    '/gone': (_req, res) => res.writeHead(410).end('gone'),
  }).start();
});
afterAll(() => server.stop());

describe('fetchGuarded', () => {
  it('fetches a feed with a descriptive User-Agent', async () => {
    const res = await fetchGuarded(server.url('/feed'), allowed);
    expect(res.body.toString()).toBe(RSS);
    expect(res.status).toBe(200);
    expect(server.requests.at(-1)?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('decompresses gzip bodies', async () => {
    const res = await fetchGuarded(server.url('/gzip'), allowed);
    expect(res.body.toString()).toBe(RSS);
  });

  it('sends stored validators and reports 304 as not modified, not as an error', async () => {
    const first = await fetchGuarded(server.url('/conditional'), allowed);
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Sat, 21 Nov 2026 10:00:00 GMT');
    const second = await fetchGuarded(server.url('/conditional'), { ...allowed, etag: first.etag });
    expect(second.notModified).toBe(true);
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });

  it('follows redirects itself and reports the final URL', async () => {
    const res = await fetchGuarded(server.url('/hop1'), allowed);
    expect(res.url).toBe(server.url('/feed'));
    expect(res.body.toString()).toBe(RSS);
  });

  it('stops a redirect loop with a clear error', async () => {
    await expect(fetchGuarded(server.url('/loop-a'), allowed)).rejects.toThrow(/redirect loop/);
  });

  it('gives up after 5 redirects', async () => {
    await expect(fetchGuarded(server.url('/chain'), allowed)).rejects.toThrow(/more than 5 redirects/);
    expect(server.hits.get('/chain')).toBe(6);
  });

  it('refuses a redirect to the cloud metadata address even when private feeds are allowed', async () => {
    await expect(fetchGuarded(server.url('/to-metadata'), allowed)).rejects.toThrow(
      /169\.254\.169\.254 is a linkLocal address/,
    );
  });

  it('refuses redirects to other schemes', async () => {
    await expect(fetchGuarded(server.url('/to-file'), allowed)).rejects.toThrow(/only http and https/);
  });

  it('refuses loopback addresses when private feeds are not allowed, by IP and by name', async () => {
    const closed = { ...allowed, allowPrivate: false };
    await expect(fetchGuarded(server.url('/feed'), closed)).rejects.toThrow(
      /127\.0\.0\.1 is a loopback address/,
    );
    await expect(fetchGuarded(`http://localhost:${server.port}/feed`, closed)).rejects.toThrow(
      /refused localhost: .* loopback address/,
    );
    await expect(fetchGuarded('http://[::ffff:127.0.0.1]/feed', closed)).rejects.toThrow(/loopback/);
    // IPv4-compatible IPv6 (the URL parser writes [::127.0.0.1] as [::7f00:1]): refused, even when
    // private feeds are allowed, before any connection.
    for (const url of ['http://[::127.0.0.1]/feed', 'http://[::a9fe:a9fe]/latest/meta-data/']) {
      await expect(fetchGuarded(url, allowed), url).rejects.toThrow(/IPv4-compatible IPv6 address/);
    }
    expect(server.hits.get('/feed') ?? 0).toBeLessThan(10);
  });

  it('cuts off a 50 MB body at the size cap', async () => {
    await expect(fetchGuarded(server.url('/huge'), allowed)).rejects.toThrow(/exceeds 1048576 bytes/);
  });

  it('caps decompressed bytes, so a gzip bomb is cut off', async () => {
    await expect(fetchGuarded(server.url('/bomb'), allowed)).rejects.toThrow(/exceeds 1048576 bytes/);
  });

  it('times out on a server that never answers and closes the socket', async () => {
    await expect(fetchGuarded(server.url('/silent'), { ...allowed, timeoutMs: 300 })).rejects.toThrow(
      /timed out after 300 ms/,
    );
    await expect.poll(() => server.openSockets, { timeout: 10_000 }).toBe(0);
  });

  it('reports HTTP errors with their status', async () => {
    await expect(fetchGuarded(server.url('/gone'), allowed)).rejects.toThrow(/HTTP 410/);
  });

  it('rejects URLs that are not http(s)', async () => {
    await expect(fetchGuarded('ftp://example.com/feed', allowed)).rejects.toThrow(/only http and https/);
    await expect(fetchGuarded('not a url', allowed)).rejects.toThrow(/not a valid URL/);
  });
});

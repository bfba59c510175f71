import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConfig } from '../../src/config.ts';
import { FeedServer, type Route } from '../ingest/feeds/feed-server.ts';

/** How long a request is held at most while the host waits for more requests to overlap it. */
const HOLD_MS = 1_500;

/**
 * Feed hosts on 127.0.0.1 (one server, so one host:port, each) that count the requests they answer
 * at once. A request is held until `overlap` requests are open on every host together (hosts ×
 * overlap) or HOLD_MS has passed, so that a limit is reached whenever the poll allows it, however slow
 * the machine.
 */
export class FeedHosts {
  readonly servers: FeedServer[] = [];
  /** The most requests each host answered at once, and overall. */
  readonly peak: number[] = [];
  peakOverall = 0;
  private open: number[] = [];
  private openOverall = 0;
  private held: (() => void)[] = [];

  constructor(
    readonly hosts: number,
    readonly feedsPerHost: number,
    private readonly overlap: number,
  ) {}

  async start(): Promise<this> {
    for (let h = 0; h < this.hosts; h++) {
      this.peak.push(0);
      this.open.push(0);
      const routes: Record<string, Route> = {};
      for (let f = 0; f < this.feedsPerHost; f++) routes[`/feed/${f}`] = this.route(h, f);
      this.servers.push(await new FeedServer(routes).start());
    }
    return this;
  }

  /** Every feed URL, host by host. */
  urls(): string[] {
    return this.servers.flatMap((s) =>
      Array.from({ length: this.feedsPerHost }, (_, f) => s.url(`/feed/${f}`)),
    );
  }

  /** A poll of every feed on these hosts: up to 8 requests at once, `perHost` of them per host. */
  config(perHost: number) {
    return loadConfig({
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'false',
      FEED_CONCURRENCY: '8',
      FEED_HOST_CONCURRENCY: String(perHost),
      LOG_LEVEL: 'silent',
      FEEDS: this.urls().join(','),
    });
  }

  requests(): number {
    return this.servers.reduce((n, s) => n + s.requests.length, 0);
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.stop()));
  }

  private route(h: number, f: number): Route {
    return (_req: IncomingMessage, res: ServerResponse) => {
      this.open[h]!++;
      this.openOverall++;
      this.peak[h] = Math.max(this.peak[h]!, this.open[h]!);
      this.peakOverall = Math.max(this.peakOverall, this.openOverall);
      const answer = () => {
        this.open[h]!--;
        this.openOverall--;
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            `<rss version="2.0"><channel><title>Host ${h} feed ${f}</title><item><title>Notice ${h}-${f}</title>` +
              `<link>https://host${h}.example/${f}</link><description>Ferry timetable ${h} ${f} changes for the winter season.</description></item></channel></rss>`,
          );
      };
      const timer = setTimeout(() => release(), HOLD_MS);
      const release = () => {
        clearTimeout(timer);
        const i = this.held.indexOf(release);
        if (i >= 0) this.held.splice(i, 1);
        answer();
      };
      this.held.push(release);
      if (this.openOverall >= this.hosts * this.overlap) for (const r of [...this.held]) r();
    };
  }
}

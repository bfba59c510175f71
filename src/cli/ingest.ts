import type { Command } from 'commander';
import { UserError } from '../core/errors.ts';
import type { IngestReport } from '../ingest/index.ts';
import type { ArticleRow } from '../store/articles.ts';
import { type CliContext, dbOption, printJson, withStore } from './context.ts';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A one-line progress bar on stderr, only when a person is watching. */
function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (pct === last && done !== total) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${done}/${total} files`,
    );
    if (done === total) process.stderr.write('\n');
  };
}

export const summaryLine = (r: IngestReport): string =>
  `${r.new} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.duplicates} duplicates, ` +
  `${r.skipped} skipped, ${r.failed.length} failed${r.removed ? `, ${r.removed} removed` : ''}`;

const dateLabel = (a: Pick<ArticleRow, 'published' | 'publishedEstimated'>): string =>
  a.published ? `${a.published.slice(0, 10)}${a.publishedEstimated ? ' (estimated)' : ''}` : 'date unknown';

function parseId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) throw new UserError(`not an article id: ${text}`);
  return id;
}

export function registerIngestCommands(program: Command, ctx: CliContext): void {
  dbOption(
    program
      .command('ingest')
      .description('Read the corpus folder(s) (and feeds) into the store')
      .option('--corpus <dir>', 'corpus folder (repeatable; default CORPUS_DIR)', collect, [])
      .option('--feeds', 'also poll the subscribed feeds')
      .option('--json', 'print the report as JSON'),
  ).action(async (opts: { corpus: string[]; feeds?: boolean; json?: boolean; db?: string }) => {
    const { runIngest } = await import('../ingest/index.ts');
    const report = await withStore(ctx, opts, (store) =>
      runIngest(store, {
        corpusDirs: opts.corpus.length ? opts.corpus : [ctx.config.CORPUS_DIR],
        feeds: Boolean(opts.feeds),
        config: ctx.config,
        onProgress: opts.json ? undefined : progressBar(),
      }),
    );
    if (opts.json) return printJson(report);
    for (const f of report.failed) process.stdout.write(`failed: ${f.path}: ${f.error}\n`);
    process.stdout.write(`${summaryLine(report)}\n`);
  });

  const articles = dbOption(
    program
      .command('articles')
      .description('List stored articles (newest first)')
      .option('--json', 'print JSON'),
  ).action((opts: { json?: boolean; db?: string }) =>
    withStore(ctx, opts, async (store) => {
      const { toSummary } = await import('../store/articles.ts');
      const rows = store.articles.list();
      if (opts.json) return printJson(rows.map(toSummary));
      for (const a of rows) {
        process.stdout.write(
          `${String(a.id).padStart(5)}  ${dateLabel(a).padEnd(23)} ${a.source ?? '-'}  ${a.title}\n`,
        );
      }
      if (!rows.length) process.stdout.write('no articles stored yet: run `newsdesk ingest`\n');
    }),
  );

  dbOption(
    articles
      .command('show <id>')
      .description('Print one cleaned article')
      .option('--removed', 'also print what the cleaner removed, with reasons')
      .option('--json', 'print the stored article as JSON (with its removed blocks)'),
  ).action((idText: string, opts: { removed?: boolean; json?: boolean; db?: string }) => {
    // `articles` has --json and --db of its own, and commander gives an option written after
    // `show` to the parent when both declare it: read them from either.
    const parent = articles.opts<{ json?: boolean; db?: string }>();
    return withStore(ctx, { db: opts.db ?? parent.db }, (store) => {
      const id = parseId(idText);
      const a = store.articles.get(id);
      if (!a) throw new UserError(`no article with id ${id}`);
      if (opts.json || parent.json) return printJson(a);
      process.stdout.write(`${renderArticle(a, Boolean(opts.removed))}\n`);
    });
  });
}

export function renderArticle(a: ArticleRow, withRemoved: boolean): string {
  const lines = [
    a.title,
    `Published: ${dateLabel(a)}${a.dateSource ? ` [${a.dateSource}]` : ''}`,
    `Source: ${a.source ?? '-'}${a.author ? `  Author: ${a.author}` : ''}`,
    a.url ? `URL: ${a.url}` : `File: ${a.path ?? '-'}`,
  ];
  if (a.status === 'removed') lines.push('Status: removed (its file is gone)');
  if (a.duplicateOf) lines.push(`Duplicate of: ${a.duplicateOf}`);
  lines.push('', a.text);
  if (withRemoved) {
    lines.push('', `--- removed by the cleaner (${a.removed.length}) ---`);
    for (const r of a.removed) lines.push(`[${r.reason}] ${r.text}`);
  }
  return lines.join('\n');
}

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-articles-cli-');

const STORY = [
  '# Ferry service to the islands resumes',
  'The ferry company restarted its daily crossing to the outer islands on Monday after a three-week stop for repairs to the main vessel.',
  'Island councils said the stop had cost shops and guest houses much of their autumn trade.',
  'Sign up for our newsletter to get the morning briefing in your inbox.',
].join('\n\n');

async function storeWithOneArticle() {
  const corpus = tempDir();
  writeFileSync(join(corpus, 'ferry.md'), STORY);
  const db = join(tempDir(), 'store.db');
  const store = openStore(db);
  await runIngest(store, {
    corpusDirs: [corpus],
    feeds: false,
    config: loadConfig({}),
    indexKnowledge: false,
  });
  store.close();
  return db;
}

describe('newsdesk articles show (CLI)', () => {
  it('prints the stored article as JSON with --json: its fields, cleaned text and removed blocks', async () => {
    const db = await storeWithOneArticle();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [resolve('bin/newsdesk.js'), 'articles', 'show', '1', '--json', '--db', db],
      { env: { ...process.env, LOG_LEVEL: 'silent' }, timeout: 100_000 },
    );
    const article = JSON.parse(stdout);
    expect(article).toMatchObject({
      id: 1,
      kind: 'file',
      title: 'Ferry service to the islands resumes',
      status: 'active',
      path: expect.stringMatching(/ferry\.md$/),
    });
    expect(article.text).toMatch(/^The ferry company restarted/);
    expect(article.text).not.toMatch(/newsletter/);
    expect(article.removed).toContainEqual({
      text: 'Sign up for our newsletter to get the morning briefing in your inbox.',
      reason: expect.stringMatching(/promo/),
    });
  }, 120_000);
});

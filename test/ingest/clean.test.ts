import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../src/ingest/clean.ts';
import { sameLineAs } from '../../src/ingest/clean-blocks.ts';
import { contentHashOf } from '../../src/ingest/prepare.ts';
import { countWords } from '../../src/ingest/words.ts';

const story = [
  'Harbour workers in the port city went on strike on Monday, halting the loading of grain ships for the first time in a decade.',
  'The union said its members had gone three years without a pay rise while the port authority reported record profits from grain exports.',
  'Port authority managers said they had offered a four percent increase and accused the union of blocking talks over shift patterns in the grain terminals.',
  'Exporters warned that a long strike at the port would leave grain rotting in silos and push up prices for buyers across the region.',
  'The transport ministry asked both the union and the port authority to return to mediation before the weekend, when new grain ships are due.',
];

const reasonsOf = (text: string, title?: string) =>
  cleanArticleText(text, { title }).removed.map((r) => r.reason);

describe('cleanArticleText', () => {
  it('keeps every story paragraph of a clean article', () => {
    const r = cleanArticleText(story.join('\n\n'));
    expect(r.text).toBe(story.join('\n\n'));
    expect(r.removed).toEqual([]);
  });

  it('drops audio-player lines and takes the headline as title', () => {
    const r = cleanArticleText(
      ['Listen to the article', '', '0:00', '0:00', '', 'Port strike halts grain exports', '', ...story].join(
        '\n',
      ),
    );
    expect(r.title).toBe('Port strike halts grain exports');
    expect(r.text.startsWith(story[0]!)).toBe(true);
    expect(r.removed.map((x) => x.reason)).toEqual([
      'audio player',
      'audio player',
      'audio player',
      'headline (kept as title)',
    ]);
  });

  it('reads the byline and dateline under the headline and drops a repeated headline', () => {
    const text = [
      'Port strike halts grain exports',
      'By Mara Jensen',
      'Port strike halts grain exports',
      'Mar 4, 2024',
      ...story,
    ].join('\n');
    const r = cleanArticleText(text);
    expect(r.author).toBe('Mara Jensen');
    expect(r.dateline).toBe('2024-03-04');
    expect(r.text).toBe(story.join('\n\n'));
    expect(reasonsOf(text)).toContain('repeated headline');
  });

  it('drops a lone role byline such as "Admin" without making it the author', () => {
    const r = cleanArticleText(['Port strike halts grain exports', 'Admin', ...story].join('\n'));
    expect(r.author).toBeUndefined();
    expect(r.removed.map((x) => x.reason)).toContain('byline');
  });

  it('drops reader comments, the comment form and the publisher footer after the article', () => {
    const tail = [
      'Fact Checker',
      'Verify the accuracy of this article using our analysis and real-time sources.',
      '4 Comments',
      '1. I doubt the strike will last long, the union has little money left for strike pay.',
      '— Tom Baker on',
      'Agreed, and the exporters will lean on the ministry to settle quickly.',
      '2. Kim Ortega on',
      'Good to see workers standing up for themselves for once.',
      'Leave A Reply',
      'An independent newsroom covering trade and shipping since 1998.',
      'Company',
      'Harbour Media LLC',
      '12 Quay St Suite 4',
      'Portsmouth, NH 03801',
      'USA',
      '© 2024 Harbour Media LLC. All rights reserved.',
    ];
    const r = cleanArticleText([...story, ...tail].join('\n\n'));
    expect(r.text).toBe(story.join('\n\n'));
    expect(r.removed.map((x) => x.text)).toEqual(tail);
    const reasons = r.removed.map((x) => x.reason);
    expect(reasons).toContain('reader comment');
    expect(reasons).toContain('commenter name');
    expect(reasons).toContain('comment form');
    expect(reasons).toContain('publisher address');
    expect(reasons).toContain('copyright footer');
  });

  it('does not treat a mid-article numbered list as comments', () => {
    const text = [
      story[0],
      'The union listed its demands:',
      '1. A pay rise in line with inflation for all port staff.',
      '2. No change to shift patterns without consultation.',
      ...story.slice(1),
    ].join('\n\n');
    expect(cleanArticleText(text).removed).toEqual([]);
  });

  it('drops an app or newsletter promo', () => {
    const promo =
      'Discover the latest markets news and expert opinions, or download the Daily Ledger App to stay updated!';
    const r = cleanArticleText([...story, promo].join('\n'));
    expect(r.removed).toEqual([{ text: promo, reason: 'promo (app/newsletter/fact-checker)' }]);
  });

  it('drops photo credits and credit lines, and the wire service credits under the story', () => {
    const description = 'Dockers gather at the gates of the grain terminal on Monday morning.';
    const caption = `${description} (AP Photo/Jane Roe)`;
    const credit = 'Photograph: Jane Roe/Reuters';
    const credits = 'Reporting by Tom Berg in the port city; Editing by Ann Lee';
    const contributed = 'Associated Press writer Ann Lee contributed to this report.';
    const text = [story[0], caption, story[1], credit, ...story.slice(2), credits, contributed];
    const r = cleanArticleText(text.join('\n\n'));
    expect(r.text).toBe([story[0], description, ...story.slice(1)].join('\n\n'));
    expect(r.removed.map((x) => x.reason)).toEqual([
      'photo credit',
      'photo caption or credit',
      'wire credits',
      'wire credits',
    ]);
  });

  it('drops reading widgets, cookie notices, tag lists and republishing notes wherever they stand', () => {
    const furniture = {
      'Skip past newsletter promotion': 'reading widget',
      'Story continues below advertisement': 'reading widget',
      'Ukraine | Ports | Trade unions': 'reading widget',
      'Updated 3 hours ago': 'relative timestamp',
      'We use cookies to improve your experience on our site.': 'cookie notice',
      'The post Port strike halts grain exports appeared first on Harbour Daily.': 'republishing note',
    };
    const lines = Object.keys(furniture);
    const text = [
      lines[3],
      story[0],
      lines[0],
      story[1],
      lines[1],
      story[2],
      lines[2],
      story[3],
      lines[4],
      story[4],
      lines[5],
    ];
    const r = cleanArticleText(text.join('\n\n'));
    expect(r.text).toBe(story.join('\n\n'));
    expect(Object.fromEntries(r.removed.map((x) => [x.text, x.reason]))).toEqual(furniture);
  });

  it('takes the agency dateline off the first paragraph, and only an agency dateline', () => {
    const r = cleanArticleText(
      [`HARBOUR CITY, Nov 3 (Reuters) - ${story[0]}`, ...story.slice(1)].join('\n\n'),
    );
    expect(r.text).toBe(story.join('\n\n'));
    expect(r.removed).toEqual([{ text: 'HARBOUR CITY, Nov 3 (Reuters) -', reason: 'wire dateline' }]);
    const acronym = `NATO — the alliance of thirty-two countries — said its ministers would meet next week. ${story[0]}`;
    expect(cleanArticleText([acronym, ...story.slice(1)].join('\n\n')).removed).toEqual([]);
  });

  it('keeps sentences that only mention a photo, a report by someone, a newsletter or topics', () => {
    const text = [
      ...story,
      'A photo of the empty quays was widely shared on Monday, and the union said it showed the cost of the dispute.',
      'Reporting by the state broadcaster suggested that the mediation would resume before the weekend.',
      'The union also sent a newsletter to its members urging them to stay away from the quays until the talks end.',
      'Watch the port closely, the mediator told exporters, because topics such as tariffs could stall the talks.',
    ];
    expect(cleanArticleText(text.join('\n\n')).removed).toEqual([]);
  });

  it('drops a paragraph from another story that shares nothing with the article', () => {
    const stray =
      '"The selection process was thorough and fair," the satellite agency statement said, announcing contracts to design, build and launch prototype weather instruments by the end of next summer.';
    const text = [story[0], story[1], stray, ...story.slice(2)].join('\n\n');
    const r = cleanArticleText(text, { title: 'Port strike halts grain exports' });
    expect(r.removed).toEqual([{ text: stray, reason: 'paragraph from another story' }]);
    expect(r.text).toBe(story.join('\n\n'));
  });

  it('never judges paragraphs of a short article as strays', () => {
    const short = [
      story[0],
      'Separately, a storm closed the northern highway for several hours on Sunday night, stranding hundreds of drivers near the mountain pass until snow ploughs cleared the road.',
    ];
    expect(cleanArticleText(short.join('\n\n')).removed).toEqual([]);
  });

  it('joins a text wrapped at a fixed width, also where the next line starts with a name', () => {
    const wrapped = [
      'Harbour workers in the port city went on strike on Monday, halting the',
      'loading of grain ships for the first time in a decade. The union said',
      'its members had gone three years without a pay rise, and its delegation',
      'at the talks with the port authority on Tuesday evening was led by',
      'Anna Kowal, who has spoken for the dockers of the northern terminal',
      'since the last strike.',
      '',
      'Exporters warned that a long strike at the port would leave grain',
      'rotting in silos and push up prices for buyers across the region.',
    ].join('\n');
    const [first, second] = cleanArticleText(wrapped).text.split('\n\n');
    expect(first).toMatch(/^Harbour workers .* was led by Anna Kowal, who .* since the last strike\.$/);
    expect(second).toBe(
      'Exporters warned that a long strike at the port would leave grain rotting in silos and push up prices for buyers across the region.',
    );
  });

  it('keeps lines that are paragraphs of their own, with their subheadings, apart', () => {
    const text = [
      story[0],
      story[1],
      'What the union wants',
      story[2],
      'A long strike ahead for the port and its exporters',
      story[3],
      story[4],
    ];
    expect(cleanArticleText(text.join('\n')).text).toBe(text.join('\n\n'));
  });

  it('joins hard-wrapped lines back into paragraphs', () => {
    const wrapped =
      'Harbour workers in the port city went on strike on Monday, halting\nthe loading of grain ships for the first time in a decade.';
    expect(cleanArticleText(wrapped).text).toBe(story[0]);
  });

  it('counts the words of the text it keeps', () => {
    const r = cleanArticleText(['Listen to the article', '0:00', ...story].join('\n\n'));
    expect(r.words).toBe(countWords(r.text));
    expect(r.words).toBeGreaterThan(100);
  });
});

describe('sameLineAs', () => {
  const isHeadline = sameLineAs('Port strike halts grain exports!');

  it('matches the headline whatever its case, punctuation and spacing', () => {
    expect(isHeadline('PORT STRIKE — halts grain exports')).toBe(true);
    expect(isHeadline('  Port  strike halts grain exports  ')).toBe(true);
  });

  it('rejects a paragraph that only starts like the headline, and other lines', () => {
    expect(isHeadline(`Port strike halts grain exports ${story[0]}`)).toBe(false);
    expect(isHeadline('Port strike halts grain')).toBe(false);
    expect(isHeadline('Grève au port')).toBe(false);
    expect(sameLineAs('—')('—')).toBe(false);
  });
});

describe('contentHashOf', () => {
  it('ignores case and every kind of whitespace run, as the stored hashes always have', () => {
    const text = 'Talks  RESUMED\n\nin Geneva\t on\u00a0Monday \r\n';
    const expected = createHash('sha1').update('talks resumed in geneva on monday').digest('hex');
    expect(contentHashOf(text)).toBe(expected);
    expect(contentHashOf('talks resumed in geneva on monday')).toBe(expected);
  });
});

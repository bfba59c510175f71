import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../src/ingest/clean.ts';
import { parseCorpusFile } from '../../src/ingest/readers/parse.ts';

// Furniture as real pages carry it, written in our own words around a fictional port dispute.
const story = [
  'Harbour workers in the port city went on strike on Monday, halting the loading of grain ships for the first time in a decade.',
  'The union said its members had gone three years without a pay rise while the port authority reported record profits from grain exports.',
  'Port authority managers said they had offered a four percent increase and accused the union of blocking talks over shift patterns in the grain terminals.',
  'Exporters warned that a long strike at the port would leave grain rotting in silos and push up prices for buyers across the region.',
  'The transport ministry asked both the union and the port authority to return to mediation before the weekend, when new grain ships are due.',
];
const title = 'Port strike halts grain exports';

const reasons = (lines: string[], hints = { title }) => {
  const r = cleanArticleText(lines.join('\n\n'), hints);
  return { text: r.text, removed: Object.fromEntries(r.removed.map((x) => [x.text, x.reason])) };
};

describe('the cleaner on real pages', () => {
  it('drops time stamps, "also read" teasers, menus, icon labels, share links and wire notes', () => {
    const furniture = [
      'Published: 09:40, Mar 4, 2024 | Updated: 17:05, Mar 4, 2024',
      '- PUBLISHED: Mon 4 Mar 2024, 9:40 AM UPDATED: Mon 4 Mar 2024, 5:05 PM',
      'Written: 2024-03-04 09:40:00Updated: 2024-03-04 17:05:00',
      'Mar. 4, 2024Updated 5:05 p.m. ET',
      'ALSO READ: Grain prices climb for a third week as buyers look elsewhere',
      'Also Read | Ferry operators join the dispute over shift patterns',
      'Read: Dockers in the south vote on a strike of their own',
      '• Home',
      '• Markets',
      'Down Arrow Button Icon',
      'Short Url',
      'Send a link to a friend',
      'X Instagram Youtube',
      'facebookfacebook',
      '(ATTN: UPDATES with the union statement; ADDS photo)',
      '(With inputs from agencies)',
    ];
    const { text, removed } = reasons([furniture[0]!, story[0]!, ...furniture.slice(1), ...story.slice(1)]);
    expect(text).toBe(story.join('\n\n'));
    expect(Object.keys(removed)).toEqual(furniture);
  });

  it('drops bylines in their common forms, above or glued to the story', () => {
    const bylines = [
      'By:JANE ROE',
      'By harbour daily editorial staff March 4, 2024',
      'Monday, March 4, 2024 by Tom Berg',
      '- ANN LEE',
      'Mara JensenMara Jensen',
      'Pia Holm',
    ];
    const { text, removed } = reasons([...bylines, ...story]);
    expect(text).toBe(story.join('\n\n'));
    expect(Object.values(removed)).toEqual([
      'byline',
      'byline',
      'byline',
      'byline',
      'byline',
      'kicker, section or author line',
    ]);
  });

  it('cuts the credit off photo captions, whatever its form, and keeps each description once', () => {
    const captions: [string, string][] = [
      ['Dockers gather at the gates of the grain terminal on March 4, 2024.', ' (PHOTO / AFP)'],
      ['A crane stands idle at the grain terminal.', ' (credit: Port Authority/AFP via Getty Images)'],
      ['Union leader Pia Holm addresses dockers', ' / Photo: Reuters / Reuters'],
      ['Union leader Pia Holm.', ' (ANI)'],
      ['Dockers march through the port on Monday.', ' [JANE ROE]'],
      ['Grain silos stand full at the port.', 'CreditCredit...Tom Berg/Harbour Daily'],
      ['Port managers leave the talks on March 4.', ' File Photo by Tom Berg/Harbour Daily | License Photo'],
    ];
    const marked = [
      '▲ This photo shows idle cranes at the grain terminal on March 4, 2024.',
      'Union leader Pia Holm (R) speaks with port managers at the terminal gates.',
    ];
    const lines = [...captions.map(([d, c]) => d + c), ...marked, captions[0]!.join('')];
    const r = cleanArticleText([story[0], ...lines, ...story.slice(1)].join('\n\n'), { title });
    expect(r.text).toBe(
      [
        story[0],
        ...captions.map(([d]) => d),
        'This photo shows idle cranes at the grain terminal on March 4, 2024.',
        'Union leader Pia Holm speaks with port managers at the terminal gates.',
        ...story.slice(1),
      ].join('\n\n'),
    );
    const credits = r.removed.filter((x) => x.reason === 'photo credit').map((x) => x.text);
    expect(credits).toEqual([...captions.map(([, c]) => c.trim()), '▲', '(R)', captions[0]![1].trim()]);
    expect(r.removed.at(-1)).toEqual({ text: captions[0]![0], reason: 'repeated paragraph' });
  });

  it('drops an embedded social-media post, a wire slug line, and repeated paragraphs', () => {
    const post =
      'Our dockers stand together. pic.twitter.com/AbCd123 — Dock Union (@dockunion) March 4, 2024';
    const slugged = `(2nd LD) ${title} as talks stall`;
    const { text, removed } = reasons([slugged, story[0]!, post, story[1]!, story[1]!, ...story.slice(2)], {
      title: `(2nd LD) ${title}`,
    });
    expect(text).toBe(story.join('\n\n'));
    expect(Object.values(removed)).toEqual(['wire note', 'embedded social-media post', 'repeated paragraph']);
  });

  it('drops the headline repeated with more words after it', () => {
    const { text, removed } = reasons([`${title} as talks stall for a second day`, ...story]);
    expect(text).toBe(story.join('\n\n'));
    expect(Object.values(removed)).toEqual(['repeated headline']);
  });

  it('takes an agency in brackets off the first paragraph', () => {
    const r = cleanArticleText([`(Harbournews) ${story[0]}`, ...story.slice(1)].join('\n\n'), { title });
    expect(r.text).toBe(story.join('\n\n'));
    expect(r.removed).toEqual([{ text: '(Harbournews)', reason: 'wire dateline' }]);
  });

  it('keeps a closing paragraph that leans on the story, also in a short article', () => {
    // Few words shared with the rest, but it points back: a pronoun, "also", a speaker named by a noun.
    const leaning = [
      'The minister also thanked both delegations for their patience and hoped the accord would pave the way for calmer seasons on the water.',
      '"Nobody will be punished for walking out, whatever happens next spring," the statement said, promising courts would stay out of it.',
      'Prices of the country’s shipping bonds swung wildly as one official forecast a quick settlement, only to be contradicted within hours.',
      '"I come to you from the coast, where my grandparents hauled nets," he said at a rally in the old fish market hall.',
    ];
    for (const p of leaning) {
      const text = [...story, p].join('\n\n');
      expect(cleanArticleText(text, { title }).removed).toEqual([]);
    }
  });
});

describe('markdown saved from a web page', () => {
  it('keeps the headline, byline, caption and time stamp lines apart, so the cleaner can tell them', () => {
    const md = [
      '---',
      `title: "${title}"`,
      'date: 2024-03-04',
      '---',
      '',
      'Published: 09:40, Mar 4, 2024 | Updated: 17:05, Mar 4, 2024',
      title,
      'By Jane Roe',
      'Dockers gather at the gates of the grain terminal on March 4, 2024. (PHOTO / AFP)',
      '',
      ...story.flatMap((p) => [p, '']),
    ].join('\n');
    const [a] = parseCorpusFile('/c/port.md', md, 'h');
    const r = cleanArticleText(a!.text!, { title });
    expect(r.text).toBe(
      ['Dockers gather at the gates of the grain terminal on March 4, 2024.', ...story].join('\n\n'),
    );
    expect(r.author).toBe('Jane Roe');
  });
});

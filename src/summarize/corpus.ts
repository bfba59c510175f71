import type { ArticleRow } from '../store/index.ts';
import { articleBody, rejectSentence, stripDateline } from './furniture.ts';
import { normaliseText, splitSentences, terms } from './text.ts';
import { ARTICLE_THRESHOLD, buildTopicModel, type TopicModel } from './topic.ts';
import { cosine, idfTable, tfidf, type Vector } from './vectors.ts';
import { isTitleWord } from './vocabulary.ts';

export interface Sentence {
  articleId: number;
  /** Position in the article (0 = lead). */
  index: number;
  text: string;
  vector: Vector;
  relevance: number;
  attributed: boolean;
  /** Names, numbers and dates per word: how much concrete news the sentence carries. */
  facts: number;
  /** Lower-cased names and numbers in the sentence (who, where, how many). */
  entities: string[];
  /** Reports something that happened or will happen (a meeting, a revision, a statement). */
  event: boolean;
  /** Says when (a weekday, a month, a date). */
  dated: boolean;
}

export interface AnalysedArticle {
  row: ArticleRow;
  date: string;
  vector: Vector;
  relevance: number;
  sentences: Sentence[];
  /** Capitalised names found in the text: who and where, without knowing anyone in advance. */
  names: Set<string>;
}

export interface LeftOut {
  articleId: number;
  title: string;
  reason: string;
}

export interface Analysis {
  articles: AnalysedArticle[];
  leftOut: LeftOut[];
  topic: TopicModel;
}

/** Sentences below this topic relevance need support from their own article's theme to stay. */
const SENTENCE_THRESHOLD = 0.05;
// General news-event verbs: a sentence with one of these reports a development, not background.
const EVENT =
  /\b(?:met|meets|meeting|talks|held|hosted|hosts|visited|visits|signed|agreed|revised|reduced|rejected|approved|proposed|announced|launched|withdrew|resigned|appointed|elected|voted|imposed|lifted|released|travel(?:l)?ed|arrived|convened|summit|ceasefire|deal|scheduled|expected|due)\b/i;
const ATTRIBUTION =
  /\b(?:said|says|told|stated|added|noted|warned|announced|according to|wrote|described)\b/i;

function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[a-z,;:]\s)\p{Lu}[\p{L}'\u2019-]+(?:\s\p{Lu}[\p{L}'\u2019-]+)*/gu)) {
    names.add(m[0].toLowerCase());
  }
  return names;
}

/**
 * A sentence whose words appear nowhere else in its article is a stray (an aside pasted from
 * another story, a caption, an advert) rather than part of what the article reports.
 */
function isolated(bag: string[], usage: Map<string, number>): boolean {
  const distinct = [...new Set(bag)];
  if (distinct.length < 4) return false;
  const shared = distinct.filter((t) => (usage.get(t) ?? 0) > 1).length;
  return shared / distinct.length < 0.3;
}

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORDS = new RegExp(
  `\\b(?:(${TENS.slice(2).join('|')})(?:[\\s-](${UNITS.slice(1, 10).join('|')}))?|(${UNITS.slice(2).join('|')}))\\b`,
  'gi',
);

/** "twenty eight" and "28" are the same figure to a reader, so they must be to the scorer too. */
export function numbersIn(sentence: string): string[] {
  const found: string[] = [];
  for (const m of sentence.matchAll(NUMBER_WORDS)) {
    const tens = m[1] ? TENS.indexOf(m[1].toLowerCase()) * 10 : 0;
    const unit = m[2] ?? m[3];
    found.push(String(tens + (unit ? UNITS.indexOf(unit.toLowerCase()) : 0)));
  }
  for (const m of sentence.matchAll(/\b\d+\b/g)) found.push(String(Number(m[0])));
  return found;
}

const DATED =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|yesterday|today|tomorrow|weekend)\b/i;

/** Names (capitalised runs after the first word) and numbers, normalised so sources can agree. */
function entitiesIn(sentence: string): string[] {
  const found = new Set<string>();
  for (const m of sentence.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}'\u2019.-]+/gu)) {
    const name = m[0]
      .toLowerCase()
      .replace(/['\u2019]s$/, '')
      .replace(/\.$/, '');
    if (!isTitleWord(name)) found.add(name);
  }
  for (const n of numbersIn(sentence)) found.add(n);
  return [...found];
}

function factDensity(sentence: string): number {
  const words = sentence.split(/\s+/);
  const concrete = words.slice(1).filter((w) => /^["\u201C(]?(?:\p{Lu}|\d)/u.test(w)).length;
  return concrete / words.length;
}

function rawSentences(row: ArticleRow): string[] {
  const body = articleBody(normaliseText(row.text));
  return body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap(splitSentences);
}

/**
 * Scores articles and sentences against the topic, drops furniture and off-topic material, and
 * vectorises what remains. `extraTopicTerms` lets the knowledge layer's actors and event types count.
 */
export function analyse(
  rows: ArticleRow[],
  topic: string,
  extraTopicTerms: string[] = [],
  options: { focus?: string[]; focusAny?: boolean } = {},
): Analysis {
  const prepared = rows.map((row) => {
    const raw = rawSentences(row);
    return { row, raw, bag: raw.flatMap((s) => terms(s)) };
  });
  const model = buildTopicModel(
    topic,
    prepared.map((p) => ({ id: p.row.id, title: p.row.title, terms: p.bag })),
    extraTopicTerms,
  );
  const idf = idfTable(prepared.map((p) => p.bag));
  // A short topic ("security guarantees") needs all its words in a sentence, a long one half of them.
  const focus = options.focus ?? [];
  const focusNeeded = options.focusAny ? 1 : focus.length <= 2 ? focus.length : Math.ceil(focus.length / 2);
  const articles: AnalysedArticle[] = [];
  const leftOut: LeftOut[] = [];
  for (const { row, raw, bag } of prepared) {
    const relevance = model.score([...terms(row.title), ...bag]);
    const skip = (reason: string) => leftOut.push({ articleId: row.id, title: row.title, reason });
    if (relevance < ARTICLE_THRESHOLD) {
      skip(`off-topic: relevance ${relevance.toFixed(3)} is below ${ARTICLE_THRESHOLD}`);
      continue;
    }
    const vector = tfidf(bag, idf);
    const sentences: Sentence[] = [];
    const bags = raw.map((text) => terms(text));
    const usage = new Map<string, number>();
    for (const b of bags) for (const t of new Set(b)) usage.set(t, (usage.get(t) ?? 0) + 1);
    raw.forEach((text, index) => {
      if (rejectSentence(text)) return;
      const bagS = bags[index]!;
      // A sentence that names what the asker wants is on topic, however little else it shares with
      // its article (a short article repeats few words): the stray test is for unfocused summaries.
      if (focus.length > 0) {
        if (focus.filter((f) => bagS.includes(f)).length < focusNeeded) return;
      } else if (raw.length >= 6 && isolated(bagS, usage)) return;
      const v = tfidf(bagS, idf);
      const rel = model.score(bagS);
      // A sentence with little topic vocabulary stays only if it is about what its article is about.
      if (rel < SENTENCE_THRESHOLD && cosine(v, vector) < 0.25) return;
      if (rel < SENTENCE_THRESHOLD / 2) return;
      const clean = stripDateline(text);
      sentences.push({
        articleId: row.id,
        index,
        text: clean,
        vector: v,
        relevance: rel,
        attributed: ATTRIBUTION.test(clean),
        facts: factDensity(clean),
        entities: entitiesIn(clean),
        event: EVENT.test(clean),
        dated: DATED.test(clean),
      });
    });
    if (sentences.length === 0) {
      skip(
        focus.length > 0
          ? 'no sentence about the requested topic'
          : 'no usable sentences (only furniture, fragments or off-topic lines)',
      );
      continue;
    }
    articles.push({
      row,
      date: row.published ?? row.ingestedAt,
      vector,
      relevance,
      sentences,
      names: namesIn(raw.join(' ')),
    });
  }
  return { articles, leftOut, topic: model };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic PRNG (mulberry32), so every run writes the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYLLABLES =
  'ka lo mi ren tas vel or an ber dun fi gor hal is jen kor lum nar pel quin rost sel tor ul vin wes yar zol'.split(
    ' ',
  );
const FUNCTION = 'the a of to in and that for on with as by at from was said has will would is are'.split(
  ' ',
);

/**
 * Writes `count` articles of realistic length (400-900 words, 8-16 paragraphs) in the corpus formats
 * (.txt with and without front matter, .md, .json, .html), some with page furniture, into `dir`.
 */
export function writeSyntheticCorpus(dir: string, count: number, seed = 7): void {
  const rand = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const word = () => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join('');
  const vocabulary = Array.from({ length: 6000 }, word);
  const names = Array.from({ length: 800 }, () => {
    const w = word();
    return w[0]!.toUpperCase() + w.slice(1);
  });
  const sentence = () => {
    const n = 10 + Math.floor(rand() * 18);
    const words = Array.from({ length: n }, (_, i) =>
      i % 7 === 3 ? pick(names) : rand() < 0.4 ? pick(FUNCTION) : pick(vocabulary),
    );
    const s = words.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence).join(' ');

  for (let i = 0; i < count; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const title = `${pick(names)} ${pick(vocabulary)} ${pick(vocabulary)} ${pick(names)} ${pick(vocabulary)}`;
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const paras = Array.from({ length: 8 + Math.floor(rand() * 8) }, paragraph);
    const kind = i % 20;
    if (kind < 12) {
      const furniture = kind % 4 === 0 ? ['Listen to the article', '0:00', ''] : [];
      const comments =
        kind % 4 === 1
          ? ['', '2 Comments', '', `${pick(names)} ${pick(names)} on`, sentence(), '', 'Leave a Reply']
          : [];
      const header = kind % 3 === 0 ? `---\ntitle: "${title}"\ndate: ${day}\n---\n\n` : `${title}\n\n`;
      writeFileSync(
        join(sub, `a${i}.txt`),
        `${header}${furniture.join('\n')}${paras.join('\n\n')}\n${comments.join('\n')}\n`,
      );
    } else if (kind < 15) {
      writeFileSync(
        join(sub, `a${i}.md`),
        `---\ntitle: "${title}"\ndate: ${day}\nauthor: ${pick(names)}\n---\n\n## ${title}\n\n${paras.join('\n\n')}\n`,
      );
    } else if (kind < 18) {
      writeFileSync(
        join(sub, `a${i}.json`),
        JSON.stringify({ title, published: day, source: 'Bench Wire', text: paras.join('\n\n') }),
      );
    } else {
      const body = paras.map((p) => `<p>${p}</p>`).join('\n');
      writeFileSync(
        join(sub, `a${i}.html`),
        `<html><head><title>${title}</title><meta property="article:published_time" content="${day}"></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body}</article><footer>© 2025 Bench Media. All rights reserved.</footer></body></html>`,
      );
    }
  }
}

// The actors one article names, before they are tied to the store: every written form of one person
// (full name, bare surname, given name alone, a spelling variant, an acronym) becomes one entry.

import type { ActorKind, Mention } from './mentions.ts';
import { nameKey, surnameKey } from './names.ts';
import type { FoundRole, UnnamedTitle } from './roles.ts';
import { fullNamesMatch, wordOfName } from './same-person.ts';
import { ORG_SUFFIXES } from './vocab/orgs.ts';

/** An actor as one article names it, before it is tied to the store. */
export interface LocalActor {
  kind: ActorKind;
  name: string;
  key: string;
  surnameKey: string;
  aliases: Set<string>;
  count: number;
  /** A sentence about the actor, for the profile (one with a role if there is one). */
  sentence: string;
  roles: FoundRole[];
  /** Only a surname was seen and no full name in this article matched it. */
  surnameOnly: boolean;
  titled: boolean;
  firstSentence: number;
}

export class ActorTable {
  readonly actors: LocalActor[] = [];
  private readonly byKey = new Map<string, number>();

  add(m: Mention, sentence: string, index: number, roles: FoundRole[]): number {
    const key = `${m.kind}:${nameKey(m.name)}`;
    let id = this.byKey.get(key);
    if (m.kind === 'person' && m.surnameOnly) id = this.fullNameFor(m.name) ?? id;
    else if (m.kind === 'person' && id === undefined) id = this.sameFullName(m.name);
    if (id === undefined) {
      id = this.actors.length;
      this.byKey.set(key, id);
      this.actors.push({
        kind: m.kind,
        name: m.name,
        key: nameKey(m.name),
        surnameKey: surnameKey(m.name),
        aliases: new Set(),
        count: 0,
        sentence,
        roles: [],
        surnameOnly: m.kind === 'person' && m.surnameOnly,
        titled: m.titled,
        firstSentence: index,
      });
    }
    const actor = this.actors[id]!;
    actor.count++;
    actor.aliases.add(m.surface);
    actor.titled ||= m.titled;
    if (roles.length && !actor.roles.length) actor.sentence = sentence;
    actor.roles.push(...roles);
    return id;
  }

  private fullNames(): [LocalActor, number][] {
    return this.actors.flatMap((a, i): [LocalActor, number][] =>
      a.kind === 'person' && !a.surnameOnly && a.count > 0 ? [[a, i]] : [],
    );
  }

  /** A full name already seen that is this one with a word more or less ("Donald J. Trump"). */
  private sameFullName(name: string): number | undefined {
    const same = this.fullNames().filter(([a]) => fullNamesMatch(a.name, name));
    return same.length === 1 ? same[0]![1] : undefined;
  }

  /**
   * The full-name person a single word refers to: the latest one mentioned with that family name,
   * else the only one with that word among its names (a given name alone, a second surname).
   */
  private fullNameFor(word: string): number | undefined {
    const full = this.fullNames();
    const family = full.filter(([a]) => wordOfName(word, a.name) === 'family');
    if (family.length) return family[family.length - 1]![1];
    const other = full.filter(([a]) => wordOfName(word, a.name) === 'other');
    return other.length === 1 ? other[0]![1] : undefined;
  }

  /**
   * "The Committee's president": a body named by its head noun alone is the one body of the article
   * whose name ends with it ("the Nobel Committee"), when there is exactly one.
   */
  resolveShortBodies(): void {
    const bodies = this.actors.filter((a) => a.kind === 'organisation' && a.count > 0).map((a) => a.name);
    for (const a of this.actors) {
      for (const r of a.roles) {
        const head = r.affiliation;
        if (!head || !ORG_SUFFIXES.has(head)) continue;
        const full = bodies.filter((b) => b.endsWith(` ${head}`));
        if (full.length === 1) r.affiliation = full[0]!;
      }
    }
  }

  /**
   * A person whose roles name no country takes the country of the article's unnamed holder of the same
   * title ("the U.S. special envoy ..." then "Special Envoy X"), when all such mentions agree.
   */
  placeUnnamedTitles(unnamed: UnnamedTitle[]): void {
    for (const a of this.actors) {
      if (a.kind !== 'person' || a.roles.some((r) => r.affiliation)) continue;
      for (const r of a.roles) {
        const title = r.role.toLowerCase().replace(/^former /, '');
        const countries = new Set(unnamed.filter((u) => u.title === title).map((u) => u.country));
        if (countries.size === 1) r.affiliation = [...countries][0]!;
      }
    }
  }

  /** Surnames seen before their full name ("Witkoff ... Steve Witkoff") join it afterwards. */
  settle(): number[] {
    const remap = this.actors.map((_, i) => i);
    this.actors.forEach((a, i) => {
      if (!a.surnameOnly) return;
      const full = this.fullNameFor(a.name);
      if (full === undefined) return;
      const target = this.actors[full]!;
      target.count += a.count;
      for (const alias of a.aliases) target.aliases.add(alias);
      target.roles.push(...a.roles);
      target.titled ||= a.titled;
      target.firstSentence = Math.min(target.firstSentence, a.firstSentence);
      remap[i] = full;
      a.count = 0;
    });
    return remap;
  }
}

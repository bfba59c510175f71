import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/knowledge/mentions.ts';
import { tokenize } from '../../src/knowledge/text.ts';

const people = (sentence: string) =>
  findMentions(tokenize(sentence), { lowercase: new Set() })
    .filter((m) => m.kind === 'person')
    .map((m) => m.name);

describe('findMentions: who is a person', () => {
  it('keeps a party word out of the name it qualifies', () => {
    expect(people('On Tuesday Republican Ed Gillespie conceded to Ralph Northam.')).toEqual([
      'Ed Gillespie',
      'Ralph Northam',
    ]);
  });

  it('takes no place, venue, team, storm or company phrase for a person', () => {
    expect(people('Officials from Jefferson City and Cook County met at the Opera House on Monday.')).toEqual(
      [],
    );
    expect(people('On Monday the New Jersey Democrat said Dundee United had won.')).toEqual([]);
    expect(people('After Hurricane Katrina, the shareholders of 21st Century Fox met again.')).toEqual([]);
    expect(people('On Monday Meridian Township officials met at the Haskell Free Library.')).toEqual([]);
  });

  it('takes a name a common noun classes as a group or a place for no one', () => {
    expect(people('On Friday police arrested members of the smuggling network Sol de Mayo.')).toEqual([]);
    expect(people('The ships avoided the Ras al-Hamra strait after Kato Brill warned them.')).toEqual([
      'Kato Brill',
    ]);
    expect(people('He was once the leader of Jamaat Nasr al-Din, a banned group.')).toEqual([]);
    expect(people('Analysts said Jamaat Nasr al-Din members had crossed the border.')).toEqual([]);
  });

  it('takes a proper noun in the plural after "the" for a group, not a person', () => {
    const sentence = 'On Monday the Varangians attacked the port while the Kennedys stayed away.';
    expect(people(sentence)).toEqual([]);
    expect(
      findMentions(tokenize(sentence), { lowercase: new Set() })
        .filter((m) => m.kind === 'organisation')
        .map((m) => m.name),
    ).toEqual(['Varangians', 'Kennedys']);
  });

  it('still takes a person whose followers are named after them', () => {
    expect(
      people('On Sunday hundreds of Maria Kovac supporters marched as the group of Ivo Lind watched.'),
    ).toEqual(['Maria Kovac', 'Ivo Lind']);
  });

  it('takes a job noun alone for no one', () => {
    expect(people("Editor's note: this story was updated on Monday.")).toEqual([]);
  });

  it('still finds people whose names share words with those vocabularies', () => {
    expect(people('On Monday Anna Park met Stuart Hall and Mary Church in the city.')).toEqual([
      'Anna Park',
      'Stuart Hall',
      'Mary Church',
    ]);
  });

  it('reads titles, also of someone about to take office, as titles and not as part of the name', () => {
    expect(
      people('On Friday Gov.-elect Ralph Northam met Counsel Robert Mueller and Author Paul Shapiro.'),
    ).toEqual(['Ralph Northam', 'Robert Mueller', 'Paul Shapiro']);
  });
});

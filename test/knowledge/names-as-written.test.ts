import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/knowledge/analyze.ts';
import { findMentions } from '../../src/knowledge/mentions.ts';
import { tokenize } from '../../src/knowledge/text.ts';

// Sentences in our own words about invented people: the rules, not any corpus.
const people = (sentence: string) =>
  findMentions(tokenize(sentence), { lowercase: new Set(), acronyms: new Map(), text: sentence })
    .filter((m) => m.kind === 'person')
    .map((m) => m.name);

/** Full names only: a lone capitalised word ("Reporting") is never a person by itself. */
const fullNames = (sentence: string) => people(sentence).filter((n) => n.includes(' '));

const actorsOf = (text: string) =>
  analyseArticle({ text, published: '2025-03-03', publishedEstimated: false }).actors.filter(
    (a) => a.kind === 'person' && a.count > 0,
  );

describe('names as the world writes them', () => {
  it('keeps particles in the name', () => {
    expect(people('On Monday Defence Minister Karim al-Haddad met Samir Abu Talib in the capital.')).toEqual([
      'Karim al-Haddad',
      'Samir Abu Talib',
    ]);
    expect(people('The talks were chaired by Marta von der Brandt and Joost van Dijk on Friday.')).toEqual([
      'Marta von der Brandt',
      'Joost van Dijk',
    ]);
    expect(people('The minister, Sayyid Hamad bin Faisal bin Hamood Alrawahi, spoke on Tuesday.')).toEqual([
      'Hamad bin Faisal bin Hamood Alrawahi',
    ]);
  });

  it('drops honorifics and courtesy titles from the name', () => {
    expect(people('Earlier, Sheikh Khalid bin Saud Al Tamimi received Dr Laila Haddad.')).toEqual([
      'Khalid bin Saud Al Tamimi',
      'Laila Haddad',
    ]);
    expect(people('On Sunday H E Rashid Al Mansoori and Tan Sri Ahmad Zulkifli attended.')).toEqual([
      'Rashid Al Mansoori',
      'Ahmad Zulkifli',
    ]);
  });

  it('keeps initials with the name', () => {
    expect(people('Later, Finance Minister R Venkataraman and Senator JD Holloway spoke.')).toEqual([
      'R Venkataraman',
      'JD Holloway',
    ]);
  });

  it('invents no people from documents, places, media, state-words or bodies', () => {
    expect(
      people(
        'The Harbour Accords and the Lakeside Declaration were signed at the Presidential Palace near the Amber Strait.',
      ),
    ).toEqual([]);
    expect(
      people(
        'The Federal Republic and the Northern Kingdom praised the Monitoring Team on Channel Seven News.',
      ),
    ).toEqual([]);
    expect(people('Directors General of Military Operations met at the National Museum on Monday.')).toEqual(
      [],
    );
    expect(people('Officials posted the news on Truth Social and in the Missing Persons office.')).toEqual(
      [],
    );
  });

  it('takes no byline or credit for an actor', () => {
    expect(fullNames('By Jane Ferris')).toEqual([]);
    expect(fullNames('Ministers meet for first time - Jane Ferris')).toEqual([]);
    expect(fullNames('The envoy speaks in Geneva on Monday. Jane Ferris / The Daily Ledger')).toEqual([]);
    expect(fullNames('The crowd gathers in the square (Photo: Tom Lusk/AFP)')).toEqual([]);
    expect(fullNames('Reporting by Jane Ferris; Editing by Tom Lusk')).toEqual([]);
    expect(fullNames('Jane Ferris is our Cairo correspondent.')).toEqual([]);
  });
});

describe('one person under several written forms in an article', () => {
  it('joins an acronym and a nickname to the full name', () => {
    const [p] = actorsOf(
      'Crown Prince Khalid bin Nasser (KBN) arrived on Monday. Talks with KBN lasted hours. ' +
        'General Omar Hamdan Tarik “Tiger,” the commander, was also there on Monday.',
    ).filter((a) => a.name.startsWith('Khalid'));
    expect([...p!.aliases]).toEqual(expect.arrayContaining(['Khalid bin Nasser', 'KBN']));
    const tiger = actorsOf('General Omar Hamdan Tarik “Tiger,” the commander, spoke on Monday.');
    expect(tiger).toHaveLength(1);
    expect([...tiger[0]!.aliases]).toEqual(expect.arrayContaining(['Omar Hamdan Tarik', 'Tiger']));
  });

  it('joins a given name alone or a second surname to the full name', () => {
    const actors = actorsOf(
      'Prime Minister Tariq Mahmood spoke on Monday. Later, Premier Tariq said talks would go on. ' +
        'UN envoy Lucia Ortiz Vidal arrived on Tuesday. Vidal met the leaders.',
    );
    expect(actors.map((a) => a.name)).toEqual(['Tariq Mahmood', 'Lucia Ortiz Vidal']);
  });
});

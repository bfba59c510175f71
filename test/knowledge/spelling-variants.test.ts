import { describe, expect, it } from 'vitest';
import { familyNameFirst, nameKey, surnameKey } from '../../src/knowledge/names.ts';
import { fullNamesMatch, wordOfName } from '../../src/knowledge/same-person.ts';

// Invented and generic names in our own words: the rules, not any corpus's people.
const MUST_MERGE: [string, string][] = [
  ['Gaddafi', 'Qaddafi'],
  ['Kadhafi', 'Gaddafi'],
  ['Sergei Ivanov', 'Sergey Ivanow'],
  ['Kim Jong Un', 'Kim Jong-un'],
  ['Omar al-Haddad', 'Omar Al Hadad'],
  ['Omar el-Haddad', 'Omar al-Haddad'],
  ['Tariq Dagalo', 'Tariq Daglo'],
  ['Yusuf Rahawi', 'Youssef Rahwi'],
  ['Mohamed Farouk', 'Muhammad Farouk'],
  ['Ahmed Nasser', 'Ahmad Nasser'],
  ['Shibani', 'Shaibani'],
  ['al-Ta’ayshi', 'al-Taishi'],
  ['Jaisankar', 'Jaishankar'],
  ['Volodymyr Petrenko', 'Vladimir Petrenko'],
  ['Serhiy Bondar', 'Sergei Bondar'],
  ['Oleksiy Koval', 'Alexei Koval'],
  ['Andriy Melnyk', 'Andrei Melnyk'],
  ['Yuliya Marchenko', 'Yulia Marchenko'],
  ['Ana Sørensen', 'Ana Sorensen'],
  ['Lena Müller', 'Lena Muller'],
  ['Park Ji-hoon', 'Park Ji Hoon'],
  ['Donald J. Trump', 'Donald Trump'],
  ['S Ramanathan', 'Ramanathan'],
  ['Steve Morton', 'Steven Morton'],
  ['Rania bin Khalid', 'Rania Bin Khalid'],
];

const MUST_NOT_MERGE: [string, string][] = [
  ['Hassan Nasser', 'Hussein Nasser'],
  ['Lucas Thompson', 'Emma Thompson'],
  ['Jorge Ramirez', 'Delia Ramirez'],
  ['Kim Jong-un', 'Kim Yo-jong'],
  ['Omar Haddad', 'Amira Haddad'],
  ['Ivan Petrov', 'Igor Petrov'],
];

describe('spelling variants of one name share a key', () => {
  it.each(MUST_MERGE)('%s = %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });
  it.each(MUST_NOT_MERGE)('%s != %s', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});

describe('fuller and shorter forms of one full name', () => {
  it('matches a name with a middle name, patronymic or second surname added', () => {
    expect(fullNamesMatch('Asaad Al Haddad', 'Asaad Hassan Al-Hadad')).toBe(true);
    expect(fullNamesMatch('Lucia Maria Ortiz', 'Lucia Maria Ortiz Vidal')).toBe(true);
  });
  it('never matches different given names or a bare surname', () => {
    expect(fullNamesMatch('Jorge Ramirez', 'Delia Ramirez')).toBe(false);
    expect(fullNamesMatch('Ramirez', 'Jorge Luis Ramirez')).toBe(false);
    expect(fullNamesMatch('Kim Jong-un', 'Kim Yo-jong')).toBe(false);
  });
  it('knows a single word as family name or as another of the name words', () => {
    expect(wordOfName('Vidal', 'Lucia Maria Ortiz Vidal')).toBe('family');
    expect(wordOfName('Ortiz', 'Lucia Maria Ortiz Vidal')).toBe('other');
    expect(wordOfName('Tariq', 'Tariq Mahmood')).toBe('other');
    expect(wordOfName('Smith', 'Tariq Mahmood')).toBe(null);
  });
});

describe('family name first', () => {
  it('reads East Asian names in their own order', () => {
    expect(familyNameFirst('Park Ji-hoon')).toBe(true);
    expect(familyNameFirst('Kim Jong Un')).toBe(true);
    expect(familyNameFirst('Wang Yi')).toBe(true);
    expect(surnameKey('Park Ji-hoon')).toBe(nameKey('Park'));
  });
  it('leaves given-name-first names alone', () => {
    expect(familyNameFirst('Kim Novak')).toBe(false);
    expect(familyNameFirst('Lee Anderson')).toBe(false);
    expect(surnameKey('Lee Anderson')).toBe(nameKey('Anderson'));
  });
  it('keeps particles in the written name but out of the key', () => {
    expect(surnameKey('Ursula von der Brandt')).toBe(nameKey('Brandt'));
    expect(nameKey('Faisal bin Turki')).toBe(nameKey('Faisal Turki'));
  });
});

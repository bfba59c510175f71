import { describe, expect, it } from 'vitest';
import { roleLabels as rolesOf } from './roles-of.ts';

// Sentences in our own words about invented people: how news writes roles.
describe('roles as news writes them', () => {
  it('reads "the president of <country>, <name>,"', () => {
    expect(rolesOf('On Monday the president of Chile, Ana Torres, met the envoy.', 'Ana Torres')).toEqual([
      'president of Chile @Chile',
    ]);
  });

  it('reads "the <country> Ambassador to <country>, <name>,"', () => {
    expect(rolesOf('The Norwegian Ambassador to Egypt, Lars Berg, left on Friday.', 'Lars Berg')).toEqual([
      'Norwegian Ambassador to Egypt @Norway',
    ]);
  });

  it('reads "<name>, the foreign minister of <country>,"', () => {
    expect(rolesOf('Ana Torres, the foreign minister of Chile, spoke on Monday.', 'Ana Torres')).toEqual([
      'foreign minister of Chile @Chile',
    ]);
  });

  it('keeps the country of "<Country-adjective> Foreign Minister <name>" as affiliation', () => {
    expect(rolesOf('Later, Kuwaiti Foreign Minister Salem Rashid arrived.', 'Salem Rashid')).toEqual([
      'Kuwaiti Foreign Minister @Kuwait',
    ]);
  });

  it('reads a role given by a verb', () => {
    expect(
      rolesOf(
        'Lina Haddad, who was appointed head of the Water Authority on Friday, said no.',
        'Lina Haddad',
      ),
    ).toEqual(['head of the Water Authority @Water Authority']);
    expect(
      rolesOf('The council said Omar Saleh has been appointed as acting prime minister.', 'Omar Saleh'),
    ).toEqual(['acting prime minister @-']);
  });

  it('reads long compound titles', () => {
    expect(
      rolesOf(
        'Mark Ellis, the Special Envoy and Senior Advisor for Africa, arrived on Monday.',
        'Mark Ellis',
      ),
    ).toEqual(['Special Envoy and Senior Advisor for Africa @-']);
  });

  it('attaches each title to its own person in a sentence with several', () => {
    const sentence =
      'The delegation includes Defense Minister Karim Nasser and Intelligence Chief Rami Aziz, officials said.';
    expect(rolesOf(sentence, 'Karim Nasser')).toEqual(['Defense Minister @-']);
    expect(rolesOf(sentence, 'Rami Aziz')).toEqual(['Intelligence Chief @-']);
    const list =
      'They met the chief negotiators of Serbia and Kosovo, Petar Ilic and Arben Gashi, on Monday.';
    expect(rolesOf(list, 'Petar Ilic')).toEqual(['chief negotiator of Serbia and Kosovo @Serbia']);
    expect(rolesOf(list, 'Arben Gashi')).toEqual(['chief negotiator of Serbia and Kosovo @Kosovo']);
  });

  it('reads an apposition that names another person after the role', () => {
    expect(
      rolesOf('Mina Park, the powerful sister of leader Jin Park, rejected the offer.', 'Mina Park'),
    ).toEqual(['powerful sister of leader @-']);
  });

  it('takes the only country of the sentence when the title names none', () => {
    expect(rolesOf('On the Chilean side, Foreign Secretary Ana Torres confirmed it.', 'Ana Torres')).toEqual([
      'Foreign Secretary @Chile',
    ]);
  });

  it("leaves a country in another person's apposition to that person", () => {
    const sentence =
      'Lars Holm, the Danish trade commissioner, flew to Quito on Monday to brief President Elena Vargas on the draft.';
    expect(rolesOf(sentence, 'Lars Holm')).toEqual(['Danish trade commissioner @Denmark']);
    expect(rolesOf(sentence, 'Elena Vargas')).toEqual(['President @-']);
  });
});

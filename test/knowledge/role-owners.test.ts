import { describe, expect, it } from 'vitest';
import { roleLabels as rolesOf } from './roles-of.ts';

// Invented sentences: whose role it is when the title alone does not say.
describe('the owner of a role the title does not name', () => {
  it('takes a country of two words written after the name', () => {
    expect(rolesOf('President Ana Lopez of New Zealand greeted the visitors.', 'Ana Lopez')).toEqual([
      'President @New Zealand',
    ]);
  });

  it('follows "its" and "their" back to the group they stand for', () => {
    expect(
      rolesOf(
        'Observers backed the farmers alliance, saying its candidate, Pedro Alves, had won.',
        'Pedro Alves',
      ),
    ).toEqual(['candidate @farmers alliance']);
    expect(
      rolesOf(
        "Chile's ruling party said on Monday that their chairman, Tomas Vera, had resigned.",
        'Tomas Vera',
      ),
    ).toEqual(['former chairman @Chile']);
    expect(
      rolesOf(
        'Kenya announced yesterday that its foreign minister, Grace Wanjiru, would travel.',
        'Grace Wanjiru',
      ),
    ).toEqual(['foreign minister @Kenya']);
  });

  it('does not follow a pronoun past a person, nor to a group no word identifies', () => {
    expect(rolesOf('Maria Holm met the group, and its leader, Jonas Berg, spoke.', 'Jonas Berg')).toEqual([
      'leader @-',
    ]);
  });

  it('reads "X will head the <demonym> delegation" as head of that delegation', () => {
    expect(
      rolesOf('Ivo Marić of the Interior Ministry will head the Croatian delegation in Geneva.', 'Ivo Marić'),
    ).toEqual(['head of the Croatian delegation @Croatia']);
    expect(
      rolesOf('Sara Lind, who chairs the oversight committee, declined to comment.', 'Sara Lind'),
    ).toEqual(['head of the oversight committee @-']);
  });

  it('reads no body from "led the fight against ..."', () => {
    expect(rolesOf('Omar Diallo led the fight against the new mining council.', 'Omar Diallo')).toEqual([]);
  });

  it('takes an acronym before a job noun for the employer', () => {
    expect(
      rolesOf('In an interview with KRT correspondent Lena Vos, the minister denied it.', 'Lena Vos'),
    ).toEqual(['KRT correspondent @KRT']);
  });

  it('takes no role from a title that opens the next clause', () => {
    expect(rolesOf('After a long call with Lena Vos, the minister said nothing.', 'Lena Vos')).toEqual([]);
    expect(rolesOf('After a call with Lena Vos, the minister denied it.', 'Lena Vos')).toEqual([]);
  });

  it('gives a title in a list of names to the name after it, not to the one before', () => {
    expect(
      rolesOf(
        'The talks brought together UN envoy Ada Kerr, Chilean Foreign Minister Tomas Vera, and two mayors.',
        'Ada Kerr',
      ),
    ).toEqual(['UN envoy @United Nations']);
    expect(
      rolesOf('Lina Berg, the influential sister of Chilean leader Tomas Vera, spoke first.', 'Lina Berg'),
    ).toEqual(['influential sister of Chilean leader @Chile']);
  });

  it('gives the name after "sister of" or "adviser to the" only the title that follows the preposition', () => {
    expect(
      rolesOf('Lina Berg, the influential sister of Chilean leader Tomas Vera, spoke first.', 'Tomas Vera'),
    ).toEqual(['Chilean leader @Chile']);
    expect(
      rolesOf('Omar Said, adviser to the Chilean President Tomas Vera, spoke first.', 'Tomas Vera'),
    ).toEqual(['Chilean President @Chile']);
  });

  it('leaves a rank of birth after an office out of the role, and keeps "Crown Prince"', () => {
    const sentence = 'Later, Saudi Foreign Minister Prince Khalid Omar and Crown Prince Ali Nasser arrived.';
    expect(rolesOf(sentence, 'Khalid Omar')).toEqual(['Saudi Foreign Minister @Saudi Arabia']);
    expect(rolesOf(sentence, 'Ali Nasser')).toEqual(['Crown Prince @Saudi Arabia']);
  });

  it('gives the head of a body told in the passive ("a delegation headed by X") that role and its country', () => {
    expect(rolesOf('A Chilean delegation headed by Tomas Vera arrived on Monday.', 'Tomas Vera')).toEqual([
      'head of the Chilean delegation @Chile',
    ]);
    expect(
      rolesOf('The Kenyan team was led by deputy minister Grace Wanjiru during the talks.', 'Grace Wanjiru'),
    ).toContain('head of the Kenyan team @Kenya');
    expect(rolesOf('The plan was led by Grace Wanjiru and her aides.', 'Grace Wanjiru')).toEqual([]);
  });
});

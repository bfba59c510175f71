import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/knowledge/analyze.ts';

// The place of an event is where it happened, told by a venue pattern; a place named for another
// reason (a source, a posting, a topic, a quote, an aside about someone) leaves it empty.

const placeOf = (text: string, published = '2024-06-12') =>
  analyseArticle({ text, published, publishedEstimated: false }).events.map((e) => e.place);

describe('event place', () => {
  it('takes in/at <place>, a journey’s destination, a seat of government and a <City>-hosted event', () => {
    expect(placeOf('Ilse Karsten met Jonas Petraitis in Vilnius on Tuesday.')).toEqual(['Vilnius']);
    expect(placeOf('Ilse Karsten flew to Riga on Tuesday for a visit.')).toEqual(['Riga']);
    expect(placeOf('The president met Ilse Karsten at the Kremlin on Tuesday.')).toEqual(['Moscow']);
    expect(placeOf('Ilse Karsten attended a Tallinn-hosted summit on June 3.')).toEqual(['Tallinn']);
  });

  it('takes the dateline’s city only for what happened on the dateline’s day', () => {
    expect(placeOf('RIGA, June 11 – Ilse Karsten met Jonas Petraitis on Tuesday.')).toEqual(['Riga']);
    expect(placeOf('RIGA, June 11 – Ilse Karsten met Jonas Petraitis on June 2.')).toEqual([null]);
  });

  it('leaves out a source, a posting, a topic and a place inside a quote', () => {
    expect(
      placeOf('Ilse Karsten met Jonas Petraitis on Tuesday, a source from Latvia’s ministry said.'),
    ).toEqual([null]);
    expect(placeOf('The envoy to Latvia, Ilse Karsten, met Jonas Petraitis on Tuesday.')).toEqual([null]);
    expect(placeOf('Ilse Karsten called on Tuesday for a truce in Georgia.')).toEqual([null]);
    expect(placeOf('Ilse Karsten said on Tuesday: "We bring good news from Vienna."')).toEqual([null]);
    expect(placeOf('Ilse Karsten reached out to Latvia in a phone call on Tuesday.')).toEqual([null]);
  });

  it('leaves out a place in an aside about someone, unless the event is told in the aside', () => {
    expect(
      placeOf(
        'Two engineers who had been held in Georgia were freed after Ilse Karsten met officials on Monday.',
      ),
    ).toEqual([null]);
    expect(
      placeOf('Ilse Karsten spoke with Jonas Petraitis, who had flown to Riga for talks on Monday.'),
    ).toEqual(['Riga']);
  });

  it('takes, of two venues, the one that follows the event’s word', () => {
    expect(
      placeOf('On Monday Ilse Karsten confirmed her visit to Latvia during a press conference in Tallinn.'),
    ).toEqual(['Latvia']);
  });
});

import { describe, expect, it } from 'vitest';
import { rolesIn as rolesOf } from './roles-of.ts';

describe('roles', () => {
  it('reads a title before the name, with its country', () => {
    expect(rolesOf('U.S. Army Secretary Dan Driscoll visited Kyiv.', 'Dan Driscoll')).toEqual([
      { role: 'U.S. Army Secretary', past: false, affiliation: 'United States' },
    ]);
  });

  it('reads an apposition after the name', () => {
    const [r] = rolesOf(
      'The delegation was led by Rustem Umerov, head of Ukraine’s National Security and Defence Council.',
      'Rustem Umerov',
    );
    expect(r?.role).toBe("head of Ukraine's National Security and Defence Council");
    expect(r?.affiliation).toBe('Ukraine');
  });

  it('reads an organisation as the employer', () => {
    expect(rolesOf('Kremlin aide Yuri Ushakov said no.', 'Yuri Ushakov')[0]).toMatchObject({
      role: 'Kremlin aide',
      affiliation: 'Kremlin',
    });
  });

  it("keeps a possessor's name in the role", () => {
    expect(
      rolesOf('Vladimir Putin’s foreign policy adviser Yuri Ushakov spoke.', 'Yuri Ushakov')[0]?.role,
    ).toBe("Vladimir Putin's foreign policy adviser");
    expect(rolesOf('Trump’s son-in-law, Jared Kushner, joined.', 'Jared Kushner')[0]?.role).toBe(
      "Trump's son-in-law",
    );
  });

  it('marks "then-" and resignations as past roles', () => {
    expect(
      rolesOf('A delegation led by then-presidential chief of staff Andrii Yermak met.', 'Andrii Yermak')[0],
    ).toMatchObject({
      role: 'former presidential chief of staff',
      past: true,
    });
    expect(
      rolesOf('A scandal led to the resignation of his chief of staff, Andriy Yermak.', 'Andriy Yermak')[0],
    ).toMatchObject({
      role: 'former chief of staff',
      past: true,
    });
  });

  it('keeps "former" in the role text', () => {
    expect(
      rolesOf(
        '"It moves fast," says Daniel Fried, former US assistant secretary of state.',
        'Daniel Fried',
      )[0],
    ).toMatchObject({
      role: 'former US assistant secretary of state',
      affiliation: 'United States',
    });
  });

  it('reads alliance and institution titles', () => {
    expect(rolesOf('He spoke with NATO chief Mark Rutte.', 'Mark Rutte')[0]?.role).toBe('NATO chief');
    expect(rolesOf('Putin met White House senior adviser Steven Witkoff.', 'Steven Witkoff')[0]?.role).toBe(
      'White House senior adviser',
    );
  });

  it('does not read a verb or a relative clause as a role', () => {
    expect(
      rolesOf('He has instructed special envoy Steve Witkoff to travel.', 'Steve Witkoff')[0]?.role,
    ).toBe('special envoy');
    expect(rolesOf('Officials met Anna Berg, who said little.', 'Anna Berg')).toEqual([]);
  });

  it('does not make an honorific a role', () => {
    expect(rolesOf('Sir Keir Starmer said so.', 'Keir Starmer')).toEqual([]);
  });
});

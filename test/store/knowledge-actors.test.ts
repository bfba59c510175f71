import { expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-actors-');

const spaced = { name: 'El Mansouri', kind: 'person', key: 'el mansouri', surnameKey: 'mansouri', words: 2 };
const hyphenated = {
  name: 'El-Mansouri',
  kind: 'person',
  key: 'el mansouri',
  surnameKey: 'elmansouri',
  words: 1,
};

describeOnEngines('createActor', (engine) => {
  it.each([
    ['the spaced spelling first', [spaced, hyphenated]],
    ['the hyphenated spelling first', [hyphenated, spaced]],
  ])('gives two spellings with one key one actor, %s, without a constraint error', (_, order) => {
    const store = openStore(engine.target(tempDir()));
    const ids = order.map((a) => store.knowledge.createActor(a));
    expect(ids[1]).toBe(ids[0]);
    expect(store.knowledge.counts().actors).toBe(1);
    // The larger word count wins in either order: a hyphenated full name is not a bare surname.
    expect(store.knowledge.actor(ids[0]!)?.words).toBe(2);
    store.close();
  });

  it('keeps a person and an organisation with one key apart', () => {
    const store = openStore(engine.target(tempDir()));
    const person = store.knowledge.createActor(spaced);
    const organisation = store.knowledge.createActor({ ...spaced, kind: 'organisation', surnameKey: null });
    expect(organisation).not.toBe(person);
    store.close();
  });

  it('renames an actor to another spelling of its key', () => {
    const store = openStore(engine.target(tempDir()));
    const id = store.knowledge.createActor(hyphenated);
    store.knowledge.respellActor(id, { name: 'El Mansouri', words: 2, surnameKey: 'mansouri' });
    expect(store.knowledge.actor(id)).toMatchObject({ name: 'El Mansouri', key: 'el mansouri', words: 2 });
    expect(store.knowledge.peopleBySurname('mansouri').map((a) => a.id)).toEqual([id]);
    store.close();
  });
});

import type { Migration } from './index.ts';

export const knowledgeMigration: Migration = {
  name: '003-knowledge',
  up(db) {
    db.exec(`
      CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'country', 'place')),
        key TEXT NOT NULL,                  -- transliteration-insensitive name key
        surname_key TEXT,                   -- people only: key of the last word
        words INTEGER NOT NULL DEFAULT 1,   -- a one-word person is a bare surname nobody could resolve
        mentions INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT,
        last_seen TEXT,
        role TEXT,                          -- current role (latest), precomputed
        affiliation TEXT,
        UNIQUE (kind, key)
      );
      CREATE INDEX actors_surname ON actors(surname_key, kind);
      CREATE INDEX actors_key ON actors(key);

      CREATE TABLE actor_aliases (
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        alias_key TEXT NOT NULL,
        PRIMARY KEY (actor_id, alias)
      ) WITHOUT ROWID;
      CREATE INDEX actor_aliases_key ON actor_aliases(alias_key);

      -- Search terms for autocomplete: folded and transliteration keys of every name suffix.
      CREATE TABLE actor_terms (
        term TEXT NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        PRIMARY KEY (term, actor_id)
      ) WITHOUT ROWID;
      CREATE INDEX actor_terms_actor ON actor_terms(actor_id);

      CREATE TABLE actor_mentions (
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        count INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        published TEXT,
        PRIMARY KEY (actor_id, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX actor_mentions_article ON actor_mentions(article_id);
      CREATE INDEX actor_mentions_actor_published ON actor_mentions(actor_id, published);

      CREATE TABLE actor_roles (
        id INTEGER PRIMARY KEY,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        role_key TEXT NOT NULL,
        past INTEGER NOT NULL DEFAULT 0,
        affiliation TEXT,
        date TEXT
      );
      CREATE INDEX actor_roles_actor ON actor_roles(actor_id, date);
      CREATE INDEX actor_roles_article ON actor_roles(article_id);

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        family TEXT NOT NULL,
        date TEXT NOT NULL,
        end_date TEXT,
        until TEXT NOT NULL,                -- end_date or date: for overlap queries
        precision TEXT NOT NULL CHECK (precision IN ('day', 'range', 'month', 'year')),
        uncertain INTEGER NOT NULL DEFAULT 0,
        planned INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        place TEXT
      );
      CREATE INDEX events_date ON events(date, until);
      CREATE INDEX events_family_date ON events(family, date);
      CREATE VIRTUAL TABLE events_fts USING fts5(
        title, summary, content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
      END;
      CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
      END;
      CREATE TRIGGER events_au AFTER UPDATE OF title, summary ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
        INSERT INTO events_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
      END;

      -- One row per article that reports the event, with how that article dates it.
      CREATE TABLE event_sources (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date TEXT,
        end_date TEXT,
        precision TEXT,
        uncertain INTEGER NOT NULL DEFAULT 0,
        planned INTEGER NOT NULL DEFAULT 0,
        place TEXT,
        sentence TEXT NOT NULL,
        PRIMARY KEY (event_id, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX event_sources_article ON event_sources(article_id);

      CREATE TABLE event_actors (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, actor_id, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX event_actors_actor ON event_actors(actor_id, event_id);
      CREATE INDEX event_actors_article ON event_actors(article_id);
    `);
  },
};

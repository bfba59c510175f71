import { describe, expect, it } from 'vitest';
import { openStore, StoreQueryError, StoreUnreachableError } from '../../src/store/index.ts';
import { freshPostgresDatabase, postgresMissing, psql } from '../support/postgres.ts';

const missing = postgresMissing();

/** The test database's URL with a password in it (the test cluster trusts loopback: any is accepted). */
const withPassword = (url: string, password: string) =>
  url.replace(/^postgres:\/\/([^@/]+)@/, `postgres://$1:${password}@`);

describe.skipIf(missing !== '')(
  `opening a PostgreSQL store${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('names the host, never the password, when the server cannot be reached', () => {
      let thrown: unknown;
      try {
        // Port 1 on the loopback: nothing listens there.
        openStore('postgres://newsdesk:hunter2-secret@127.0.0.1:1/newsdesk');
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(StoreUnreachableError);
      const err = thrown as StoreUnreachableError;
      expect(err.code).toBe('ERR_STORE_UNREACHABLE');
      expect(err.message).toContain('127.0.0.1:1');
      expect(err.cause).toBeDefined();
      expect(
        JSON.stringify({ message: err.message, stack: err.stack, cause: String(err.cause) }),
      ).not.toContain('hunter2-secret');
    });

    it("refuses another program's database and leaves it untouched", () => {
      const url = freshPostgresDatabase();
      psql(url, 'CREATE TABLE accounts (id integer); INSERT INTO accounts VALUES (1)');
      expect(() => openStore(url)).toThrow(expect.objectContaining({ code: 'ERR_STORE_NOT_NEWSDESK' }));
      expect(
        psql(
          url,
          "SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE table_schema = 'public'",
        ),
      ).toBe('accounts');
    });

    it('creates the schema once, and shows the URL without its password', () => {
      const url = freshPostgresDatabase();
      const first = openStore(withPassword(url, 's3cret-pw'));
      expect(first.dialect).toBe('postgres');
      expect(first.path).toContain('127.0.0.1');
      expect(first.path).not.toContain('s3cret-pw');
      first.close();
      const again = openStore(url);
      again.close();
      expect(Number(psql(url, 'SELECT count(*) FROM schema_migrations'))).toBeGreaterThan(0);
      expect(psql(url, 'SELECT count(*) - count(DISTINCT name) FROM schema_migrations')).toBe('0');
    });

    it("gives a refused statement PostgreSQL's SQLSTATE, and a failed transaction leaves nothing behind", () => {
      const store = openStore(freshPostgresDatabase());
      try {
        const db = store.knowledge.database;
        const insert = db.prepare(
          "INSERT INTO tenants (id, platform, created_at) VALUES ('slack:T1', 'slack', 'now')",
        );
        let thrown: unknown;
        try {
          store.transaction(() => {
            insert.run();
            insert.run();
          });
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(StoreQueryError);
        expect(thrown).toMatchObject({
          code: 'ERR_STORE_QUERY',
          sqlState: '23505',
          constraint: 'tenants_pkey',
        });
        expect(store.tenants.get('slack:T1')).toBeUndefined();
        // The connection is usable after the refusal.
        expect(store.tenants.ensure('slack:T1').id).toBe('slack:T1');
      } finally {
        store.close();
      }
    });
  },
);

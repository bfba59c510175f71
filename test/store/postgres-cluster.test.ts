import { describe, expect, it } from 'vitest';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';

describe.skipIf(!postgresAvailable())(
  `the PostgreSQL test cluster${postgresMissing() ? ` (skipped: ${postgresMissing()})` : ''}`,
  () => {
    it('serves on loopback and gives each caller its own empty database', () => {
      const a = freshPostgresDatabase('cluster_check');
      const b = freshPostgresDatabase('cluster_check');
      expect(a).not.toBe(b);
      expect(a).toMatch(/^postgres:\/\/\w+@127\.0\.0\.1:\d+\/cluster_check_[0-9a-f]{12}$/);
      psql(a, 'CREATE TABLE t (x int); INSERT INTO t VALUES (1), (2)');
      expect(psql(a, 'SELECT sum(x) FROM t')).toBe('3');
      expect(psql(b, "SELECT count(*) FROM pg_tables WHERE tablename = 't'")).toBe('0');
      expect(psql(a, "SELECT setting FROM pg_settings WHERE name = 'listen_addresses'")).toBe('127.0.0.1');
    });
  },
);

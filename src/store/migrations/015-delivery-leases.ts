import type { Migration } from './index.ts';

/**
 * Who may post a claimed delivery now, and until when: the sender (a queue job's attempt, or a
 * process) names itself in `lease_owner`, and `lease_until` is when its send gives up. Another
 * sender waits for that moment before looking the post up on the platform and sending it again, so
 * a post that lands late is found instead of doubled.
 */
export const deliveryLeasesMigration: Migration = {
  name: '015-delivery-leases',
  up(db) {
    db.exec(`
      ALTER TABLE deliveries ADD COLUMN lease_owner TEXT;   -- e.g. digests:<job id>#<attempt>
      ALTER TABLE deliveries ADD COLUMN lease_until TEXT;   -- ISO: the holder's send deadline
    `);
  },
};

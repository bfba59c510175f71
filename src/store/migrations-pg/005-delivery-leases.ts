import { TEXT as T } from './001-baseline-content.ts';
import type { PgMigration } from './index.ts';

/** SQLite's 015-delivery-leases: who may post a claimed delivery, and until when. */
export const deliveryLeasesMigration: PgMigration = {
  name: '005-delivery-leases',
  up(db) {
    db.exec(`
      ALTER TABLE deliveries ADD COLUMN lease_owner ${T};
      ALTER TABLE deliveries ADD COLUMN lease_until ${T};
    `);
  },
};

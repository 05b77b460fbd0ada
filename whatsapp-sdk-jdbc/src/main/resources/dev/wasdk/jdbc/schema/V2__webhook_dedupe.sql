-- wasdk stores, schema version 2: webhook de-duplication.
-- Standard SQL that PostgreSQL (10 and later) and H2 (2.x) both run.

-- One row per webhook event key that is claimed ('C', under a lease, by one holder) or done ('D',
-- remembered for the horizon). expires_at, in nanoseconds since the epoch, is when the lease or
-- the horizon runs out; a row past it counts as absent and is removed by purgeExpired.
CREATE TABLE wasdk_webhook_dedupe (
  dedupe_key VARCHAR(200) NOT NULL PRIMARY KEY,
  state CHAR(1) NOT NULL,
  holder VARCHAR(200) NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX wasdk_webhook_dedupe_expires ON wasdk_webhook_dedupe (expires_at);

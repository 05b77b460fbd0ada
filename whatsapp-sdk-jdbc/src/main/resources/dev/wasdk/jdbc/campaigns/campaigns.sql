-- The campaign store's tables. Every statement is idempotent, so the store applies this file on
-- each build; times are epoch milliseconds.
CREATE TABLE IF NOT EXISTS wasdk_campaign_recipient (
  campaign_id VARCHAR(64) NOT NULL,
  idx BIGINT NOT NULL,
  recipient VARCHAR(200) NOT NULL,
  params VARCHAR(8000) NOT NULL,
  zone VARCHAR(64),
  variant VARCHAR(16),
  sample BOOLEAN NOT NULL,
  state VARCHAR(12) NOT NULL,
  worker VARCHAR(100),
  lease_until BIGINT,
  not_before BIGINT NOT NULL,
  wamid VARCHAR(200),
  reason VARCHAR(40),
  status_rank INTEGER NOT NULL,
  error_code INTEGER NOT NULL,
  replied BOOLEAN NOT NULL,
  pricing_category VARCHAR(64),
  changed_at BIGINT NOT NULL,
  delivered_at BIGINT,
  PRIMARY KEY (campaign_id, idx)
);
CREATE INDEX IF NOT EXISTS wasdk_campaign_recipient_state ON wasdk_campaign_recipient (campaign_id, state, idx);
CREATE INDEX IF NOT EXISTS wasdk_campaign_recipient_wamid ON wasdk_campaign_recipient (wamid);
CREATE TABLE IF NOT EXISTS wasdk_campaign_value (
  campaign_id VARCHAR(64) NOT NULL,
  name VARCHAR(100) NOT NULL,
  val VARCHAR(8000) NOT NULL,
  PRIMARY KEY (campaign_id, name)
);

package dev.wasdk.jdbc.campaigns;

import dev.wasdk.campaigns.CampaignStore;
import dev.wasdk.campaigns.CampaignStoreContract;
import dev.wasdk.jdbc.testing.LocalPostgres;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresCampaignStoreTest extends CampaignStoreContract {
  private static final LocalPostgres PG = LocalPostgres.shared();
  private static final String DB = ((PGSimpleDataSource) PG.createDatabase()).getDatabaseName();
  private static final CampaignStore FIRST = open();
  private static final CampaignStore SECOND = open();

  private static CampaignStore open() {
    DataSource ds = PG.dataSource(DB);
    return JdbcCampaignStore.builder(ds).build();
  }

  @Override
  protected CampaignStore store() {
    return FIRST;
  }

  @Override
  protected CampaignStore secondInstance() {
    return SECOND;
  }
}

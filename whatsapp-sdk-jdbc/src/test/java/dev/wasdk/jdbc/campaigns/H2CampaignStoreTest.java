package dev.wasdk.jdbc.campaigns;

import dev.wasdk.campaigns.CampaignStore;
import dev.wasdk.campaigns.CampaignStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.h2.jdbcx.JdbcDataSource;

class H2CampaignStoreTest extends CampaignStoreContract {
  private static final String URL = url();
  private static final CampaignStore FIRST = open();
  private static final CampaignStore SECOND = open();

  private static String url() {
    try {
      return "jdbc:h2:file:"
          + Files.createTempDirectory("wasdk-h2-campaigns-").resolve("campaigns")
          + ";DB_CLOSE_DELAY=-1";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CampaignStore open() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(URL);
    ds.setUser("sa");
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

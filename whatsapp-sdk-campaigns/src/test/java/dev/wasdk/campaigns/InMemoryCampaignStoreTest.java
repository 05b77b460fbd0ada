package dev.wasdk.campaigns;

class InMemoryCampaignStoreTest extends CampaignStoreContract {
  private final CampaignStore store = CampaignStore.inMemory();

  @Override
  protected CampaignStore store() {
    return store;
  }
}

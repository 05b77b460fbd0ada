package dev.wasdk.sender;

import org.junit.jupiter.api.Assumptions;

/** Runs the {@link RecipientIdStore} contract against the in-memory store. */
class InMemoryRecipientIdStoreTest extends RecipientIdStoreContract {
  private final RecipientIdStore store = RecipientIdStore.inMemory();

  @Override
  protected RecipientIdStore store() {
    return store;
  }

  @Override
  protected RecipientIdStore reopen() {
    // The state lives in the store object and dies with it: no second instance can see it.
    Assumptions.abort("the in-memory store keeps its state in the object; nothing outlives it");
    return null;
  }
}

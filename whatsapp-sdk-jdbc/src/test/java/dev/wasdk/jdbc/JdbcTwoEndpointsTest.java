package dev.wasdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.webhooks.DeduplicatorContract;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.TextReceived;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two endpoints, as two app instances with their own connection pools and stores, over one
 * PostgreSQL database.
 */
class JdbcTwoEndpointsTest {
  private static final int DELIVERIES = 10_000;
  private static final int UNIQUE = 8_000; // the other 2,000 deliveries (20%) are duplicates

  private static WebhookEndpoint endpoint(
      JdbcDeduplicator d, DeduplicatorContract.HandledIds handled) {
    return WebhookEndpoint.builder()
        .appSecret(DeduplicatorContract.APP_SECRET)
        .verifyToken("contract-verify-token")
        .router(
            WebhookRouter.builder()
                .on(TextReceived.class, t -> handled.add(t.header().id()))
                .build())
        .deduplicator(d)
        .build();
  }

  @Test
  void twoEndpoints_halfTheDeliveriesEach_everyEventHandledExactlyOnce() throws Exception {
    List<String> ids = new ArrayList<>(DELIVERIES);
    for (int i = 0; i < UNIQUE; i++) {
      ids.add("wamid.two." + i);
    }
    Random random = new Random(13);
    for (int i = 0; i < DELIVERIES - UNIQUE; i++) {
      ids.add(ids.get(random.nextInt(UNIQUE)));
    }
    Collections.shuffle(ids, random);

    LocalPostgres pg = LocalPostgres.shared();
    String db = ((org.postgresql.ds.PGSimpleDataSource) pg.createDatabase()).getDatabaseName();
    DeduplicatorContract.HandledIds handled = new DeduplicatorContract.HandledIds();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    // each instance has its own connection pool, as two app instances would
    try (TestPool poolA = new TestPool(pg.dataSource(db));
        TestPool poolB = new TestPool(pg.dataSource(db))) {
      JdbcDeduplicator a = JdbcStores.builder(poolA).build().deduplicator();
      JdbcDeduplicator b = JdbcStores.builder(poolB).build().deduplicator();
      WebhookEndpoint first = endpoint(a, handled);
      WebhookEndpoint second = endpoint(b, handled);
      List<Future<Integer>> work = new ArrayList<>();
      for (int i = 0; i < DELIVERIES; i++) {
        WebhookEndpoint to = i % 2 == 0 ? first : second;
        WebhookRequest delivery = DeduplicatorContract.textDelivery(ids.get(i));
        work.add(
            pool.submit(
                () -> {
                  // Meta delivers again until it gets 200; the copy is handled elsewhere meanwhile.
                  for (int attempt = 0; attempt < 100_000; attempt++) {
                    int status = to.handle(delivery).status();
                    if (status == 200) {
                      return attempt;
                    }
                    if (status != 503) {
                      throw new AssertionError("unexpected status " + status);
                    }
                  }
                  throw new AssertionError("never acknowledged");
                }));
      }
      for (Future<Integer> f : work) {
        f.get(600, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(handled.handledTwice()).isEmpty();
    assertThat(handled.ids()).isEqualTo(Set.copyOf(ids)).hasSize(UNIQUE);
  }
}

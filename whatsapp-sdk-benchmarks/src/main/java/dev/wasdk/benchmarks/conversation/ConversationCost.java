package dev.wasdk.benchmarks.conversation;

import dev.wasdk.benchmarks.memory.DedupeMemory;
import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.conversations.ConversationRouter;
import dev.wasdk.conversations.ConversationState;
import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.Filter;
import dev.wasdk.conversations.Filters;
import dev.wasdk.conversations.InMemoryConversationStore;
import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Two costs of {@code whatsapp-sdk-conversations}.
 *
 * <p><b>Routing.</b> A {@link ConversationRouter} with 100 routes on {@code MessageReceived}: 40
 * keyword filters, 30 folded text-equals filters, 20 button-id filters and 10 folded contains
 * filters, then a catch-all. The events are 1,024 distinct text messages, parsed beforehand, that
 * none of the 100 filters matches, so every dispatch tests all of them and lands on the catch-all:
 * the worst case. It reports the median thread CPU time per dispatch over rounds, so that time
 * spent descheduled on a shared machine does not count.
 *
 * <p><b>Memory.</b> An {@link InMemoryConversationStore} filled with N conversations, each keyed by
 * an 11-digit WhatsApp id and holding a typical mid-order state (a waiting step with a deadline,
 * two values, one auto-reply mark), with the used heap read after full collections before and
 * after. It reports bytes per conversation, keys included, and conversations per GB.
 *
 * <pre>
 * java -Xmx2g -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.conversation.ConversationCost 100000
 * </pre>
 */
public final class ConversationCost {
  private static final int EVENTS = 1_024;
  private static final int OPS = 200_000;
  private static final int ROUNDS = 15;

  private ConversationCost() {}

  /**
   * Runs both measurements.
   *
   * @param args the number of conversations to store; 100000 when none is given
   * @throws InterruptedException if interrupted between collections
   */
  public static void main(String[] args) throws InterruptedException {
    int conversations = args.length == 0 ? 100_000 : Integer.parseInt(args[0]);
    routing();
    memory(conversations);
  }

  private static void routing() {
    int[] handled = new int[2];
    ConversationRouter.Builder b = ConversationRouter.builder();
    for (int i = 0; i < 40; i++) {
      b.on(MessageReceived.class, Filters.keyword("keyword" + i), m -> handled[0]++);
    }
    for (int i = 0; i < 30; i++) {
      b.on(
          MessageReceived.class, Filters.textEquals("Exact phrase número " + i), m -> handled[0]++);
    }
    for (int i = 0; i < 20; i++) {
      b.on(MessageReceived.class, Filters.buttonId("button-" + i), m -> handled[0]++);
    }
    for (int i = 0; i < 10; i++) {
      Filter<MessageReceived> f = Filters.textContains("frase " + i + " dentro");
      b.on(MessageReceived.class, f, m -> handled[0]++);
    }
    b.on(MessageReceived.class, m -> handled[1]++);
    ConversationRouter router = b.build();
    if (router.size() != 101) {
      throw new IllegalStateException("expected 100 filtered routes and a catch-all");
    }

    WebhookParser parser = WebhookParser.create();
    WebhookEvent[] events = new WebhookEvent[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      String body = "Olá, gostaria de saber sobre o pedido número " + (100_000 + i) + ", por favor";
      events[i] = parser.parse(payload(i, body).getBytes(StandardCharsets.UTF_8)).get(0);
    }

    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] perOp = new double[ROUNDS];
    for (int round = -5; round < ROUNDS; round++) {
      long start = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < OPS; i++) {
        router.dispatch(events[i & (EVENTS - 1)]);
      }
      long ns = mx.getCurrentThreadCpuTime() - start;
      if (round >= 0) {
        perOp[round] = ns / (double) OPS;
      }
    }
    if (handled[0] != 0 || handled[1] != OPS * (ROUNDS + 5)) {
      throw new IllegalStateException("a filter matched where none should: " + handled[0]);
    }
    Arrays.sort(perOp);
    double median = perOp[ROUNDS / 2];
    System.out.printf(
        Locale.ROOT,
        "routing: 100 filters (none matching) + catch-all: median %.0f ns CPU per event"
            + " (rounds %.0f..%.0f ns)%n",
        median,
        perOp[0],
        perOp[ROUNDS - 1]);
    Results.emit("conversation.routing.100filters.nsPerEvent", median);
  }

  private static void memory(int n) throws InterruptedException {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    long base = DedupeMemory.usedHeap();
    InMemoryConversationStore store = ConversationStore.inMemory();
    ConversationState template =
        ConversationState.start(now)
            .withWaiting(
                Optional.of(
                    new ConversationState.Wait(
                        "quantity", Optional.of(now.plusSeconds(600)), Optional.of("timeout"))))
            .withData("item", "pizza-margherita")
            .withData("size", "L")
            .withRepliedAt("default", now);
    for (int i = 0; i < n; i++) {
      // Each conversation gets its own state objects, as it would from its own turns.
      ConversationState s =
          template.withData("size", i % 2 == 0 ? "L" : "M").withLastActivity(now.plusMillis(i));
      if (!store.put(Long.toString(5_511_900_000_000L + i), s, 0, Duration.ofHours(1))) {
        throw new IllegalStateException("a new conversation was refused");
      }
    }
    long filled = DedupeMemory.usedHeap();
    if (store.size() != n) {
      throw new IllegalStateException("expected " + n + " conversations: " + store.size());
    }
    Reference.reachabilityFence(store);
    double perConversation = (filled - base) / (double) n;
    double perGb = 1e9 / perConversation;
    System.out.printf(
        Locale.ROOT,
        "memory: %,d conversations in the in-memory store: %.0f B each, keys included"
            + " (%.1f MB in all): about %,.0f conversations per GB of heap%n",
        n,
        perConversation,
        (filled - base) / 1e6,
        perGb);
    Results.emit("conversation.memory." + n + ".bytesPerConversation", perConversation);
    Results.emit("conversation.memory." + n + ".conversationsPerGb", perGb);
  }

  private static String payload(int i, String body) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
        + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
        + "\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
        + "\"contacts\":[{\"profile\":{\"name\":\"A\"},\"wa_id\":\"55119"
        + (10_000_000 + i)
        + "\"}],\"messages\":[{\"from\":\"55119"
        + (10_000_000 + i)
        + "\",\"id\":\"wamid.B"
        + i
        + "\",\"timestamp\":\"1750090702\",\"type\":\"text\",\"text\":{\"body\":\""
        + body
        + "\"}}]},\"field\":\"messages\"}]}]}";
  }
}

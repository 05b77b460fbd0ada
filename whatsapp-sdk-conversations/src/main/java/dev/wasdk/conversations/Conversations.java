package dev.wasdk.conversations;

import dev.wasdk.conversations.internal.DeadlineQueue;
import dev.wasdk.conversations.internal.Lanes;
import dev.wasdk.conversations.internal.RouteTable;
import dev.wasdk.conversations.internal.RouteTable.Route;
import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.Recipient;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a bot: routes each user message to a handler, keeps per-user state between messages, waits
 * for answers with a timeout, and sends auto-replies, an out-of-office note and hand-over events.
 *
 * <p><b>What handles a message.</b> For each message, in order:
 *
 * <ol>
 *   <li>if a person handles the conversation, nobody: the bot stays silent and the {@linkplain
 *       Builder#onHandover hand-over listener} gets a {@link HandoverEvent.Kind#MESSAGE} event;
 *   <li>the {@linkplain Builder#journeyStop stop word} makes the user leave every {@link Journey},
 *       and the message is then handled as usual;
 *   <li>outside {@linkplain Builder#outOfOffice business hours}, the out-of-office reply goes out,
 *       once per conversation, and the message is then handled as usual;
 *   <li>the first {@linkplain Builder#interrupt interrupt} route that matches (for "cancel",
 *       "agent" or "stop", which must work in the middle of a question);
 *   <li>the journey that {@linkplain Journey.Builder#awaitAnswer awaits} the user's answer, if any;
 *   <li>the step that {@linkplain Turn#ask waits} for the user's answer, if any;
 *   <li>the first {@linkplain Builder#journey journey} whose trigger matches;
 *   <li>the first {@linkplain Builder#on route} that matches, by priority and then registration
 *       order, as in {@link ConversationRouter};
 *   <li>the {@linkplain Builder#autoReply auto-reply} rules and default reply;
 *   <li>the {@linkplain Builder#onUnhandled unhandled hook}.
 * </ol>
 *
 * <p><b>Step functions.</b> A conversation is a set of named steps, each a {@link TurnHandler};
 * {@link Turn#ask} names the step that takes the next message. Named steps rather than callbacks or
 * a transition table: a name can be stored, so a conversation survives a restart and can move
 * between instances once the store is shared, and a step reads top to bottom as plain Java, where a
 * state-machine table would split one exchange over a list of transitions and a list of actions.
 *
 * <p><b>One turn at a time per user.</b> Messages of one conversation are handled one at a time, in
 * the order {@link #handle} received them (a lane per conversation, in this JVM); different
 * conversations run in parallel on the executor. Each turn reads the state, runs the handler, saves
 * the state with the version it read, and only then sends the replies. Across several instances
 * sharing a store, each turn runs under the user's {@linkplain ConversationStore#lease lease} in
 * the store, so one instance at a time handles a user (the other waits up to the {@linkplain
 * Builder#leaseWait lease wait}); the version check still turns any concurrent save into a conflict
 * (reported to the {@linkplain Builder#onError error hook}, nothing sent) rather than a lost
 * update.
 *
 * <p><b>Timeouts and expiry.</b> A wait's deadline is kept in the state and scheduled in this JVM;
 * at the deadline the timeout step runs in a turn without a message, unless the user answered
 * first. A conversation ends after {@linkplain Builder#inactivity inactivity}: the store forgets it
 * and the next message starts afresh (and gets the out-of-office note again). Deadlines live in the
 * store: an instance {@linkplain Builder#deadlinePolling polls} it for overdue waits, so a timeout
 * set before a restart, or by another instance, still fires once.
 *
 * <p>Thread-safe. {@link #close()} stops the executor and scheduler it created.
 *
 * <pre>{@code
 * Conversations bot = Conversations.builder(Replier.of(sender))
 *     .interrupt(MessageReceived.class, Filters.keyword("agent"), turn -> {
 *       turn.reply("A colleague will answer you here shortly.");
 *       turn.handOver("asked for an agent");
 *     })
 *     .on(MessageReceived.class, Filters.keyword("order"), turn -> {
 *       turn.reply("Which size? S, M or L");
 *       turn.ask("size", Duration.ofMinutes(10), "size-timeout");
 *     })
 *     .step("size", turn -> {
 *       turn.put("size", turn.text());
 *       turn.reply("Noted: size " + turn.text());
 *       turn.end();
 *     })
 *     .step("size-timeout", turn -> turn.reply("No worries, type ORDER to start again."))
 *     .autoReply(AutoReply.builder().defaultReply("Type ORDER to order.").build())
 *     .onHandover(inbox::publish)
 *     .build();
 * WebhookRouter router = WebhookRouter.builder().on(MessageReceived.class, bot::handle).build();
 * }</pre>
 */
public final class Conversations implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Conversations.class);
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final String GROUP_PREFIX = "group:";
  private static final int DUE_BATCH = 1_000;

  private final Replier replier;
  private final ConversationStore store;
  private final Clock clock;
  private final Duration inactivity;
  private final RouteTable<TurnHandler> interrupts;
  private final RouteTable<TurnHandler> routes;
  private final Map<String, TurnHandler> steps;
  private final Optional<AutoReply> autoReply;
  private final Optional<OutOfOffice> outOfOffice;
  private final Consumer<Turn> unhandled;
  private final Consumer<HandoverEvent> onHandover;
  private final BiConsumer<String, Throwable> onError;
  private final Lanes lanes;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService ownedExecutor;
  private final boolean ownsScheduler;
  private final DeadlineQueue deadlines = new DeadlineQueue();
  private final String holder;
  private final Duration leaseTime;
  private final Duration leaseWait;
  private final Set<String> timeoutsQueued = ConcurrentHashMap.newKeySet();
  private final ScheduledFuture<?> polling;
  private final JourneyRunner journeys;

  private Conversations(Builder b) {
    this.replier = b.replier;
    this.store = b.store != null ? b.store : ConversationStore.inMemory(b.clock);
    this.clock = b.clock;
    this.inactivity = b.inactivity;
    this.interrupts = new RouteTable<>(b.interrupts);
    this.routes = new RouteTable<>(b.routes);
    this.steps = Map.copyOf(b.steps);
    this.autoReply = Optional.ofNullable(b.autoReply);
    this.outOfOffice = Optional.ofNullable(b.outOfOffice);
    this.unhandled = b.unhandled;
    this.onHandover = b.onHandover;
    this.onError = b.onError;
    if (b.executor != null) {
      this.ownedExecutor = null;
      this.lanes = new Lanes(b.executor);
    } else {
      this.ownedExecutor =
          Executors.newFixedThreadPool(
              Math.max(2, Runtime.getRuntime().availableProcessors()),
              daemon("wasdk-conversation"));
      this.lanes = new Lanes(ownedExecutor);
    }
    this.ownsScheduler = b.scheduler == null;
    this.scheduler =
        b.scheduler != null
            ? b.scheduler
            : Executors.newSingleThreadScheduledExecutor(daemon("wasdk-conversation-timeouts"));
    this.journeys = new JourneyRunner(b.journeys, b.journeyStop, store, inactivity, this::schedule);
    this.holder = b.holder != null ? b.holder : "conversations-" + UUID.randomUUID();
    this.leaseTime = b.leaseTime;
    this.leaseWait = b.leaseWait;
    Duration poll =
        b.deadlinePolling != null
            ? b.deadlinePolling
            : store instanceof InMemoryConversationStore ? Duration.ZERO : Duration.ofSeconds(1);
    this.polling =
        poll.isZero()
            ? null
            : scheduler.scheduleWithFixedDelay(
                this::runDueTimeoutsQuietly,
                poll.toMillis(),
                poll.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Returns a builder that sends replies through {@code replier}.
   *
   * @param replier where replies go, usually {@link Replier#of(dev.wasdk.sender.MessageSender)}
   * @return the builder
   */
  public static Builder builder(Replier replier) {
    return new Builder(Objects.requireNonNull(replier, "replier"));
  }

  /**
   * Returns the key of the conversation a message belongs to: {@code group:<id>} for a group
   * message (the group is one conversation), else the sender's WhatsApp id, else their
   * business-scoped user id.
   *
   * @param message the message
   * @return the key, or empty if the message names no sender
   */
  public static Optional<String> keyOf(MessageReceived message) {
    Objects.requireNonNull(message, "message");
    Optional<String> group = message.groupId();
    if (group.isPresent()) {
      return Optional.of(GROUP_PREFIX + group.get());
    }
    return message.sender().primaryId();
  }

  /**
   * Queues a webhook event for its conversation. Events other than user messages, and messages that
   * name no sender, are ignored.
   *
   * @param event the event
   * @return a future that completes once the turn is over: true if it was handled and saved
   *     (replies queued on the replier), false if a handler failed, the save conflicted or the
   *     event was ignored; failures are reported to the error hook, never through the future
   */
  public CompletableFuture<Boolean> handle(WebhookEvent event) {
    Objects.requireNonNull(event, "event");
    if (!(event instanceof MessageReceived message)) {
      return CompletableFuture.completedFuture(false);
    }
    Optional<String> key = keyOf(message);
    if (key.isEmpty()) {
      log.debug("Message without a sender id: not handled");
      return CompletableFuture.completedFuture(false);
    }
    return submit(key.get(), () -> messageTurn(key.get(), message));
  }

  /**
   * Hands a conversation to a person: the bot stays silent in it until {@link #release}, and the
   * listener gets a {@link HandoverEvent.Kind#STARTED} event.
   *
   * @param conversation the conversation key (see {@link #keyOf})
   * @param reason why, for the inbox
   * @return a future that completes once saved: true, or false if the save failed
   */
  public CompletableFuture<Boolean> handOver(String conversation, String reason) {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(reason, "reason");
    return submit(
        conversation,
        () ->
            apply(
                conversation,
                null,
                turn -> {
                  if (!turn.state().handedOver()) {
                    turn.handOver(reason);
                  }
                }));
  }

  /**
   * Gives a conversation back to the bot, and sends the listener a {@link
   * HandoverEvent.Kind#RELEASED} event.
   *
   * @param conversation the conversation key
   * @return a future that completes once saved: true, or false if the save failed
   */
  public CompletableFuture<Boolean> release(String conversation) {
    Objects.requireNonNull(conversation, "conversation");
    return submit(
        conversation,
        () ->
            apply(
                conversation,
                null,
                turn -> {
                  if (turn.state().handedOver()) {
                    turn.replace(turn.state().withHandedOver(false));
                    turn.publish(
                        new HandoverEvent(
                            HandoverEvent.Kind.RELEASED,
                            conversation,
                            Optional.empty(),
                            "",
                            turn.now()));
                  }
                }));
  }

  /**
   * Returns a conversation's saved state.
   *
   * @param conversation the conversation key
   * @return the state, or empty if there is no live conversation
   */
  public Optional<ConversationState> state(String conversation) {
    return store.get(conversation).map(StoredConversation::state);
  }

  /**
   * Runs the timeout step of every wait whose deadline has passed by the clock: those scheduled in
   * this JVM, and those the store reports as due (set before a restart, or by another instance).
   * The scheduler calls this at each deadline and every {@linkplain Builder#deadlinePolling polling
   * interval}; call it yourself after moving a test clock.
   *
   * @return a future that completes when those turns are over, with how many timed out
   */
  public CompletableFuture<Integer> runDueTimeouts() {
    Instant now = clock.instant();
    Set<String> due = new LinkedHashSet<>(deadlines.takeDue(now));
    try {
      due.addAll(store.dueWaits(now, DUE_BATCH));
    } catch (RuntimeException e) {
      report("", e);
    }
    List<CompletableFuture<Boolean>> turns = new ArrayList<>();
    for (String conversation : due) {
      if (!timeoutsQueued.add(conversation)) {
        continue;
      }
      CompletableFuture<Boolean> turn =
          JourneyRunner.isJourneyKey(conversation)
              ? submit(JourneyRunner.conversationOf(conversation), () -> journeyTurn(conversation))
              : submit(conversation, () -> timeoutTurn(conversation));
      turns.add(turn.whenComplete((r, f) -> timeoutsQueued.remove(conversation)));
    }
    return CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new))
        .thenApply(v -> (int) turns.stream().filter(CompletableFuture::join).count());
  }

  /** Queues a turn on the conversation's lane, run under the conversation's lease in the store. */
  private CompletableFuture<Boolean> submit(String key, Supplier<Boolean> turn) {
    return lanes.submit(key, () -> leased(key, turn));
  }

  private boolean leased(String key, Supplier<Boolean> turn) {
    try {
      if (!acquire(key)) {
        report(
            key,
            new IllegalStateException(
                "another instance held this conversation for longer than the lease wait ("
                    + leaseWait
                    + "); the turn was not handled"));
        return false;
      }
    } catch (RuntimeException e) {
      report(key, e);
      return false;
    }
    try {
      return turn.get();
    } finally {
      try {
        store.release(key, holder);
      } catch (RuntimeException e) {
        // the lease runs out on its own
        report(key, e);
      }
    }
  }

  /**
   * Takes the lease, retrying with a growing pause while another instance holds it. The pause
   * blocks this lane's thread only; the turns of other users go on.
   */
  private boolean acquire(String key) {
    long giveUp = System.nanoTime() + leaseWait.toNanos();
    long pauseMicros = 1_000;
    while (!store.lease(key, holder, leaseTime)) {
      if (System.nanoTime() - giveUp >= 0 || Thread.currentThread().isInterrupted()) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pauseMicros));
      pauseMicros = Math.min(pauseMicros * 2, 100_000);
    }
    return true;
  }

  private boolean messageTurn(String key, MessageReceived message) {
    return apply(key, message, this::route);
  }

  private boolean timeoutTurn(String conversation) {
    return apply(
        conversation,
        null,
        turn -> {
          // A wait is due when its stored deadline has passed; an answer in between replaced or
          // ended the wait this deadline was scheduled for.
          Optional<ConversationState.Wait> wait = turn.state().waiting();
          boolean due =
              wait.flatMap(ConversationState.Wait::deadline)
                  .filter(d -> !turn.now().isBefore(d))
                  .isPresent();
          if (!due) {
            turn.replace(null);
            return;
          }
          turn.replace(turn.state().withWaiting(Optional.empty()));
          Optional<String> step = wait.get().timeoutStep();
          if (step.isPresent() && !turn.state().handedOver()) {
            runStep(step.get(), turn);
          }
        });
  }

  /**
   * Reads the state, runs {@code body} on a turn, saves with the version read and, if saved,
   * publishes. A body that leaves the state null means "nothing to save or send".
   */
  private boolean apply(String key, MessageReceived message, Consumer<Turn> body) {
    return apply(key, key, message, body);
  }

  /**
   * As {@link #apply(String, MessageReceived, Consumer)}, for a state kept under {@code key} that
   * belongs to the conversation {@code conversation} (a journey's): replies go to that
   * conversation's user.
   */
  private boolean apply(
      String key, String conversation, MessageReceived message, Consumer<Turn> body) {
    Instant now = clock.instant();
    boolean journey = !key.equals(conversation);
    Optional<StoredConversation> stored;
    try {
      stored = store.get(key);
    } catch (RuntimeException e) {
      report(conversation, e);
      return false;
    }
    long version = stored.map(StoredConversation::version).orElse(0L);
    ConversationState before =
        stored.map(StoredConversation::state).orElseGet(() -> ConversationState.start(now));
    Recipient recipient = recipientOf(conversation);
    Turn turn =
        new Turn(
            conversation,
            recipient,
            message,
            message == null ? before : before.withLastActivity(now),
            now,
            replier);
    try {
      body.accept(turn);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable failure) {
      log.warn("Conversation handler failed: {}", failure.getClass().getName());
      log.debug("Conversation handler failure", failure);
      dropOutbox(turn);
      report(conversation, failure);
      return false;
    }
    ConversationState after = turn.state();
    if (after == null) {
      dropOutbox(turn);
      return false;
    }
    boolean saved;
    try {
      Duration ttl = journey ? journeys.ttl(after, now) : ttl(after, now);
      saved = store.put(key, after, version, ttl);
    } catch (RuntimeException e) {
      dropOutbox(turn);
      report(conversation, e);
      return false;
    }
    if (!saved) {
      dropOutbox(turn);
      report(
          conversation,
          new IllegalStateException(
              "the conversation changed while this turn ran (version "
                  + version
                  + "); its replies were not sent"));
      return false;
    }
    publish(conversation, turn);
    scheduleDeadline(key, before, after);
    return true;
  }

  /** Moves a journey on at its deadline, and marks the conversation if it now awaits an answer. */
  private boolean journeyTurn(String journeyKey) {
    boolean[] awaits = {false};
    boolean done =
        apply(
            journeyKey,
            JourneyRunner.conversationOf(journeyKey),
            null,
            turn -> {
              journeys.resume(turn, journeyKey);
              awaits[0] = turn.state() != null && JourneyRunner.awaitsAnswer(turn.state());
            });
    if (done && awaits[0]) {
      markAwaiting(JourneyRunner.conversationOf(journeyKey), journeyKey);
    }
    return done;
  }

  /**
   * Starts a journey for a user from the app, such as an order update: the journey must be built
   * with {@link Journey.Builder#apiTrigger()}. If the user is in that journey already, it starts
   * over.
   *
   * @param conversation the conversation key (see {@link #keyOf}), such as the user's WhatsApp id
   * @param journey the journey's name
   * @return a future that completes once the first steps are saved and queued: true, or false if
   *     that failed (reported to the error hook)
   * @throws IllegalArgumentException if no such journey is registered, or it has no API trigger
   */
  public CompletableFuture<Boolean> startJourney(String conversation, String journey) {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(journey, "journey");
    Journey j =
        journeys
            .journey(journey)
            .orElseThrow(() -> new IllegalArgumentException("no journey named '" + journey + "'"));
    if (!j.apiTrigger()) {
      throw new IllegalArgumentException(
          "journey '" + journey + "' cannot be started by the app; build it with apiTrigger()");
    }
    recipientOf(conversation);
    String key = JourneyRunner.key(journey, conversation);
    return submit(
        conversation,
        () -> {
          boolean[] awaits = {false};
          boolean done =
              apply(
                  key,
                  conversation,
                  null,
                  turn -> {
                    journeys.start(turn, j);
                    awaits[0] = JourneyRunner.awaitsAnswer(turn.state());
                  });
          if (done && awaits[0]) {
            markAwaiting(conversation, key);
          }
          return done;
        });
  }

  /** Marks the conversation so that the user's next message goes to the journey. */
  private void markAwaiting(String conversation, String journeyKey) {
    String name = JourneyRunner.journeyOf(journeyKey);
    apply(conversation, null, turn -> turn.put(JourneyRunner.MARK, name));
  }

  private void route(Turn turn) {
    ConversationState state = turn.state();
    MessageReceived message = turn.message();
    if (state.handedOver()) {
      turn.publish(
          new HandoverEvent(
              HandoverEvent.Kind.MESSAGE,
              turn.conversation(),
              Optional.of(message),
              "",
              turn.now()));
      return;
    }
    journeys.leaveAllIfStop(turn);
    outOfOffice.ifPresent(o -> o.apply(turn));
    if (runFirst(interrupts, turn)) {
      return;
    }
    if (journeys.answer(turn)) {
      return;
    }
    Optional<ConversationState.Wait> wait = state.waiting();
    boolean overdue =
        wait.flatMap(ConversationState.Wait::deadline)
            .filter(d -> !turn.now().isBefore(d))
            .isPresent();
    if (wait.isPresent() && overdue) {
      // The answer came after the deadline: the wait is over, and the message is a new start.
      turn.replace(turn.state().withWaiting(Optional.empty()));
    } else if (wait.isPresent()) {
      String step = wait.get().step();
      turn.replace(turn.state().withWaiting(Optional.empty()));
      if (steps.containsKey(step)) {
        runStep(step, turn);
        return;
      }
      log.warn("A conversation waited for step {}, which is not registered", step);
    }
    if (journeys.trigger(turn)) {
      return;
    }
    if (runFirst(routes, turn)) {
      return;
    }
    if (autoReply.isPresent() && autoReply.get().apply(turn)) {
      return;
    }
    unhandled.accept(turn);
  }

  private boolean runFirst(RouteTable<TurnHandler> table, Turn turn) {
    MessageReceived message = turn.message();
    for (Route<TurnHandler> r : table.candidates(message.getClass())) {
      if (r.filter().test(message)) {
        r.handler().handle(turn);
        return true;
      }
    }
    return false;
  }

  private void runStep(String name, Turn turn) {
    TurnHandler step = steps.get(name);
    if (step == null) {
      throw new IllegalStateException("no step named '" + name + "' is registered");
    }
    step.handle(turn);
  }

  private Duration ttl(ConversationState state, Instant now) {
    Optional<Instant> deadline = state.waiting().flatMap(ConversationState.Wait::deadline);
    if (deadline.isPresent() && deadline.get().isAfter(now.plus(inactivity))) {
      return Duration.between(now, deadline.get()).plus(inactivity);
    }
    return inactivity;
  }

  private void publish(String key, Turn turn) {
    for (Turn.Pending<?> p : turn.outbox()) {
      p.run(replier);
      p.done()
          .whenComplete(
              (outcome, failure) -> {
                if (failure != null) {
                  report(key, failure);
                }
              });
    }
    for (HandoverEvent e : turn.handoverEvents()) {
      try {
        onHandover.accept(e);
      } catch (VirtualMachineError vme) {
        throw vme;
      } catch (Throwable failure) {
        log.warn("Hand-over listener failed: {}", failure.getClass().getName());
        report(key, failure);
      }
    }
  }

  private static void dropOutbox(Turn turn) {
    for (Turn.Pending<?> p : turn.outbox()) {
      p.drop();
    }
  }

  private void scheduleDeadline(String key, ConversationState before, ConversationState after) {
    Optional<Instant> deadline = after.waiting().flatMap(ConversationState.Wait::deadline);
    Optional<Instant> previous = before.waiting().flatMap(ConversationState.Wait::deadline);
    if (deadline.isEmpty() || deadline.equals(previous)) {
      return;
    }
    schedule(key, deadline.get());
  }

  /** Schedules a run of the due timeouts at {@code deadline}, in this JVM. */
  private void schedule(String key, Instant deadline) {
    deadlines.add(key, deadline);
    long delay = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    try {
      scheduler.schedule(this::runDueTimeoutsQuietly, delay, TimeUnit.MILLISECONDS);
    } catch (RuntimeException rejected) {
      log.warn("Conversation timeout not scheduled: {}", rejected.getClass().getName());
    }
  }

  private void runDueTimeoutsQuietly() {
    runDueTimeouts();
  }

  private void report(String key, Throwable failure) {
    try {
      onError.accept(key, failure);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable hookFailure) {
      log.warn("Conversation onError hook failed: {}", hookFailure.getClass().getName());
    }
  }

  /** Returns who a conversation's replies go to; see {@link #keyOf}. */
  private static Recipient recipientOf(String key) {
    // A small local rule until the core offers replies to inbound events.
    if (key.startsWith(GROUP_PREFIX)) {
      return Recipient.group(key.substring(GROUP_PREFIX.length()));
    }
    try {
      return DIGITS.matcher(key).matches() ? Recipient.waId(key) : Recipient.userId(key);
    } catch (InvalidMessageException e) {
      throw new IllegalArgumentException(
          "not a conversation key: a WhatsApp id, a user id or group:<id>", e);
    }
  }

  /**
   * Stops the executor and the scheduler this instance created. Turns still queued are dropped, and
   * the futures of later calls fail with {@link java.util.concurrent.RejectedExecutionException}
   * when the executor was this instance's own.
   */
  @Override
  public void close() {
    if (polling != null) {
      polling.cancel(false);
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "Conversations[routes="
        + routes.size()
        + ", interrupts="
        + interrupts.size()
        + ", steps="
        + steps.size()
        + ", store="
        + store.getClass().getSimpleName()
        + "]";
  }

  /** Builds {@link Conversations}. Not thread-safe. */
  public static final class Builder {
    private final Replier replier;
    private ConversationStore store;
    private Clock clock = Clock.systemUTC();
    private Duration inactivity = Duration.ofMinutes(30);
    private final List<Route<TurnHandler>> interrupts = new ArrayList<>();
    private final List<Route<TurnHandler>> routes = new ArrayList<>();
    private final Map<String, TurnHandler> steps = new HashMap<>();
    private AutoReply autoReply;
    private OutOfOffice outOfOffice;
    private Consumer<Turn> unhandled =
        turn ->
            log.debug("No conversation route for {}", turn.message().getClass().getSimpleName());
    private Consumer<HandoverEvent> onHandover = e -> {};
    private BiConsumer<String, Throwable> onError = (key, failure) -> {};
    private Executor executor;
    private ScheduledExecutorService scheduler;
    private String holder;
    private Duration leaseTime = Duration.ofSeconds(30);
    private Duration leaseWait = Duration.ofSeconds(10);
    private Duration deadlinePolling;
    private final Map<String, Journey> journeys = new LinkedHashMap<>();
    private Filter<MessageReceived> journeyStop = Filters.keyword("stop");

    private Builder(Replier replier) {
      this.replier = replier;
    }

    /**
     * Adds a journey. Its trigger is tried after the waiting step and before the {@linkplain #on
     * routes}; a user's answer to its {@code awaitAnswer} goes to it before the waiting step.
     *
     * @param journey the journey
     * @return this builder
     * @throws IllegalArgumentException if a journey of that name is registered already
     */
    public Builder journey(Journey journey) {
      Objects.requireNonNull(journey, "journey");
      if (journeys.putIfAbsent(journey.name(), journey) != null) {
        throw new IllegalArgumentException(
            "a journey named '" + journey.name() + "' is already registered");
      }
      return this;
    }

    /**
     * Sets the messages that make a user leave every journey, checked before anything else runs
     * (routing then goes on, so a route of your own can also record the opt-out). Default: the
     * keyword STOP.
     *
     * @param stop the filter
     * @return this builder
     */
    public Builder journeyStop(Filter<MessageReceived> stop) {
      this.journeyStop = Objects.requireNonNull(stop, "stop");
      return this;
    }

    /**
     * Sets how often to ask the store for overdue waits, so that a timeout set before a restart, or
     * by another instance, still fires. Default: every second for a shared store, never for the
     * in-memory store (whose deadlines this instance schedules itself). {@link Duration#ZERO} turns
     * polling off; tests on a fake clock do that and call {@link Conversations#runDueTimeouts}.
     *
     * @param interval zero or positive
     * @return this builder
     */
    public Builder deadlinePolling(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("deadlinePolling must not be negative: " + interval);
      }
      this.deadlinePolling = interval;
      return this;
    }

    /**
     * Sets how long this instance's hold on a conversation lasts while it runs a turn: the lease in
     * the store that keeps the turns of one user one at a time across instances. A crashed
     * instance's lease runs out after this. Default: 30 seconds; keep it longer than any turn.
     *
     * @param leaseTime positive
     * @return this builder
     */
    public Builder leaseTime(Duration leaseTime) {
      Objects.requireNonNull(leaseTime, "leaseTime");
      if (leaseTime.isNegative() || leaseTime.isZero()) {
        throw new IllegalArgumentException("leaseTime must be positive: " + leaseTime);
      }
      this.leaseTime = leaseTime;
      return this;
    }

    /**
     * Sets how long a turn waits for another instance to give up the conversation's lease before it
     * is reported to the {@linkplain #onError error hook} and dropped. Default: 10 seconds.
     *
     * @param leaseWait zero or positive
     * @return this builder
     */
    public Builder leaseWait(Duration leaseWait) {
      Objects.requireNonNull(leaseWait, "leaseWait");
      if (leaseWait.isNegative()) {
        throw new IllegalArgumentException("leaseWait must not be negative: " + leaseWait);
      }
      this.leaseWait = leaseWait;
      return this;
    }

    /**
     * Names this instance as a lease holder in the store. Default: a random name per instance.
     *
     * @param holder unique among the instances sharing a store
     * @return this builder
     */
    public Builder holder(String holder) {
      Objects.requireNonNull(holder, "holder");
      if (holder.isBlank()) {
        throw new IllegalArgumentException("holder must not be blank");
      }
      this.holder = holder;
      return this;
    }

    /**
     * Sets where states live. Default: a new {@link InMemoryConversationStore} on this builder's
     * clock.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(ConversationStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the clock for turns, deadlines and business hours. Default: the system clock in UTC.
     *
     * @param clock the clock; a fake one in tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long a conversation lives without activity. Default: 30 minutes.
     *
     * @param inactivity positive
     * @return this builder
     */
    public Builder inactivity(Duration inactivity) {
      Objects.requireNonNull(inactivity, "inactivity");
      if (inactivity.isNegative() || inactivity.isZero()) {
        throw new IllegalArgumentException("inactivity must be positive: " + inactivity);
      }
      this.inactivity = inactivity;
      return this;
    }

    /**
     * Adds a route for messages when no step waits, at priority 0.
     *
     * @param type the message class or interface
     * @param filter which messages of that type to take
     * @param handler what to do
     * @param <E> the message type
     * @return this builder
     */
    public <E extends MessageReceived> Builder on(
        Class<E> type, Filter<? super E> filter, TurnHandler handler) {
      return on(0, type, filter, handler);
    }

    /**
     * Adds a route for messages when no step waits, with a priority (higher first).
     *
     * @param priority the priority
     * @param type the message class or interface
     * @param filter which messages of that type to take
     * @param handler what to do
     * @param <E> the message type
     * @return this builder
     */
    public <E extends MessageReceived> Builder on(
        int priority, Class<E> type, Filter<? super E> filter, TurnHandler handler) {
      routes.add(route(routes.size(), priority, type, filter, handler));
      return this;
    }

    /**
     * Adds a route tried before the waiting step, for words that must work at any point, such as
     * "cancel" or "agent". The waiting step stays unless the handler ends it.
     *
     * @param type the message class or interface
     * @param filter which messages of that type to take
     * @param handler what to do
     * @param <E> the message type
     * @return this builder
     */
    public <E extends MessageReceived> Builder interrupt(
        Class<E> type, Filter<? super E> filter, TurnHandler handler) {
      interrupts.add(route(interrupts.size(), 0, type, filter, handler));
      return this;
    }

    private static <E extends MessageReceived> Route<TurnHandler> route(
        int position, int priority, Class<E> type, Filter<? super E> filter, TurnHandler handler) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(filter, "filter");
      Objects.requireNonNull(handler, "handler");
      Predicate<Object> test = event -> filter.test(type.cast(event));
      return new Route<>(type, test, handler, priority, position);
    }

    /**
     * Registers a named step, which {@link Turn#await} and {@link Turn#ask} refer to.
     *
     * @param name the step's name, unique and stable across releases (it is stored)
     * @param handler what to do with the answer, or at the timeout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or taken
     */
    public Builder step(String name, TurnHandler handler) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(handler, "handler");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a step name must not be blank");
      }
      if (steps.putIfAbsent(name, handler) != null) {
        throw new IllegalArgumentException("a step named '" + name + "' is already registered");
      }
      return this;
    }

    /**
     * Sets the canned replies for messages no route or step took. Default: none.
     *
     * @param autoReply the rules
     * @return this builder
     */
    public Builder autoReply(AutoReply autoReply) {
      this.autoReply = Objects.requireNonNull(autoReply, "autoReply");
      return this;
    }

    /**
     * Sends an out-of-office reply to the first message of a conversation that arrives while the
     * business is closed. Default: none.
     *
     * <pre>{@code
     * .outOfOffice(hours, Locale.forLanguageTag("pt-BR"),
     *     opening -> "Estamos fechados. Voltamos " + opening + ".")
     * }</pre>
     *
     * @param hours when the business is open
     * @param locale how to write the next opening time
     * @param text makes the reply from the formatted next opening (empty if the hours never open
     *     again)
     * @return this builder
     */
    public Builder outOfOffice(BusinessHours hours, Locale locale, Function<String, String> text) {
      this.outOfOffice =
          new OutOfOffice(
              Objects.requireNonNull(hours, "hours"),
              Objects.requireNonNull(locale, "locale"),
              Objects.requireNonNull(text, "text"));
      return this;
    }

    /**
     * Sets what happens to a message nothing took. Default: log at DEBUG. The turn can still reply
     * and change the state.
     *
     * @param hook the hook
     * @return this builder
     */
    public Builder onUnhandled(Consumer<Turn> hook) {
      this.unhandled = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /**
     * Sets the listener for hand-over events, for the business's inbox. Default: none. It runs
     * after the state is saved, on the conversation's lane; keep it quick.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onHandover(Consumer<HandoverEvent> listener) {
      this.onHandover = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets a hook for failures: handlers that threw, store errors, save conflicts, failed sends.
     * Default: none (handlers are logged at WARN by exception class).
     *
     * @param hook receives the conversation key and the failure
     * @return this builder
     */
    public Builder onError(BiConsumer<String, Throwable> hook) {
      this.onError = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /**
     * Sets the executor that runs the turns. Default: a pool of daemon threads, one per core (at
     * least two), stopped by {@link Conversations#close()}. An executor given here is not stopped.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the scheduler that fires wait deadlines. Default: one daemon thread, stopped by {@link
     * Conversations#close()}. A scheduler given here is not stopped.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Returns the bot. */
    public Conversations build() {
      return new Conversations(this);
    }
  }
}

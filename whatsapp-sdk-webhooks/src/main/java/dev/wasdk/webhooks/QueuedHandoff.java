package dev.wasdk.webhooks;

import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WebhookHandoff} that holds events in a bounded in-memory queue and handles them with a
 * {@link WebhookRouter} on its own worker threads.
 *
 * <p>It accepts a delivery only while the events waiting or running, plus the new ones, fit in the
 * {@linkplain Builder#capacity capacity}; otherwise it refuses and the endpoint answers 503, so
 * Meta delivers again later. A delivery is always accepted into an empty queue, so a batch larger
 * than the capacity cannot be refused forever.
 *
 * <p><b>What a crash loses:</b> the events accepted (and acknowledged to Meta) but not yet handled.
 * Meta does not send them again. If that is not acceptable, use synchronous dispatch or a durable
 * hand-off. A handler failure is not retried either, since Meta has already been answered: it is
 * logged and passed to the router's {@linkplain WebhookRouter.Builder#onError error hook}.
 *
 * <p>Handlers run inside the context the endpoint's observer took while the delivery was observed
 * ({@link DeliveryContext}): with tracing, a handler runs in the delivery's trace, and a reply it
 * sends joins it.
 *
 * <p>The events of one delivery are handled in order, one after another; different deliveries run
 * in parallel on the workers, so handlers must be thread-safe and must not rely on arrival order
 * across deliveries (Meta does not guarantee it either).
 *
 * <p><b>Shutdown.</b> Call {@link #shutdown(Duration)} or {@link #close()} when the application
 * stops: the worker threads are not daemon threads. Both stop accepting (the endpoint answers 503,
 * so Meta delivers later to another instance or after the restart) and let the workers drain the
 * queue for the timeout. What is still queued then was already acknowledged to Meta: {@code
 * shutdown} hands it back to the caller to keep elsewhere; {@code close} cannot, so it drops it,
 * logs a WARN line and counts it in {@link #droppedEvents()}. Choose a drain timeout your
 * platform's stop grace allows, or a durable hand-off when no drop is acceptable.
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * QueuedHandoff handoff = QueuedHandoff.builder(router).capacity(10_000).workers(4).build();
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()
 *     .appSecret(appSecret).verifyToken(verifyToken)
 *     .dispatch(DispatchMode.asynchronous(handoff))
 *     .build();
 * // on shutdown
 * List<WebhookEvent> unhandled = handoff.shutdown(Duration.ofSeconds(30));
 * }</pre>
 */
public final class QueuedHandoff implements WebhookHandoff, AutoCloseable {
  /** The default capacity, in events. */
  public static final int DEFAULT_CAPACITY = 10_000;

  /** The default number of worker threads. */
  public static final int DEFAULT_WORKERS = 2;

  /** How long {@link #close()} waits for queued events by default. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(QueuedHandoff.class);
  private static final long STOP_GRACE_MILLIS = 1_000;

  private final WebhookRouter router;
  private final int capacity;
  private final Duration drainTimeout;
  private final ThreadPoolExecutor executor;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final ConcurrentLinkedQueue<WebhookEvent> leftovers = new ConcurrentLinkedQueue<>();
  private volatile boolean accepting = true;
  private volatile boolean stopRequested;

  private QueuedHandoff(Builder b) {
    this.router = b.router;
    this.capacity = b.capacity;
    this.drainTimeout = b.drainTimeout;
    this.executor =
        new ThreadPoolExecutor(
            b.workers,
            b.workers,
            0L,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), // bounded by the event count checked in accept
            b.threadFactory);
  }

  /**
   * Returns a builder.
   *
   * @param router handles the events on the worker threads
   */
  public static Builder builder(WebhookRouter router) {
    return new Builder(router);
  }

  /**
   * Queues the events if they fit.
   *
   * @return false when the queue is full or the hand-off is shutting down
   */
  @Override
  public boolean accept(List<WebhookEvent> events) {
    return accept(events, DeliveryContext.none());
  }

  /**
   * Queues the events if they fit, to be handled inside {@code context}: each through {@link
   * DeliveryContext#dispatch}, so that the handlers run in the delivery's trace and are observed.
   *
   * @return false when the queue is full or the hand-off is shutting down
   */
  @Override
  public boolean accept(List<WebhookEvent> events, DeliveryContext context) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(context, "context");
    int n = events.size();
    if (n == 0) {
      return true;
    }
    if (!accepting) {
      return false;
    }
    while (true) {
      int p = pending.get();
      if (p != 0 && (long) p + n > capacity) {
        log.debug("Webhook hand-off queue full: {} pending, {} offered", p, n);
        return false;
      }
      if (pending.compareAndSet(p, p + n)) {
        break;
      }
    }
    try {
      executor.execute(new Batch(List.copyOf(events), context));
      return true;
    } catch (RejectedExecutionException e) {
      pending.addAndGet(-n);
      return false;
    }
  }

  /** Returns how many accepted events are waiting or being handled. */
  public int pendingEvents() {
    return pending.get();
  }

  /**
   * Stops accepting, waits up to {@code timeout} for the accepted events to be handled, then stops
   * the workers and returns what was not handled, so that the caller can keep it elsewhere.
   *
   * <p>After the timeout, queued deliveries are not started and running ones stop before their next
   * event; the workers are interrupted and get about a second more to stop. An event whose handler
   * is still running after that is neither returned nor known to be handled; the count is logged.
   *
   * @param timeout how long to let the workers drain the queue
   * @return the events that were accepted but not handled; empty after a full drain
   */
  public List<WebhookEvent> shutdown(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    accepting = false;
    executor.shutdown();
    boolean drained = await(timeout.toMillis());
    if (!drained) {
      stopRequested = true;
      for (Runnable never : executor.shutdownNow()) {
        if (never instanceof Batch batch) {
          leftovers.addAll(batch.events);
          pending.addAndGet(-batch.events.size());
        }
      }
      if (!await(STOP_GRACE_MILLIS)) {
        int stuck = pending.get();
        dropped.addAndGet(stuck);
        log.warn(
            "Webhook hand-off workers did not stop; {} events may still be in handlers", stuck);
      }
    }
    List<WebhookEvent> unhandled = new ArrayList<>();
    WebhookEvent e;
    while ((e = leftovers.poll()) != null) {
      unhandled.add(e);
    }
    return unhandled;
  }

  private boolean await(long millis) {
    try {
      return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return executor.isTerminated();
    }
  }

  /**
   * Shuts down with the {@linkplain Builder#drainTimeout drain timeout} and logs a WARN line with
   * the number of events left unhandled, if any. Prefer {@link #shutdown(Duration)} to keep them.
   */
  @Override
  public void close() {
    List<WebhookEvent> unhandled = shutdown(drainTimeout);
    if (!unhandled.isEmpty()) {
      dropped.addAndGet(unhandled.size());
      log.warn(
          "Webhook hand-off closed with {} accepted events not handled; they are lost",
          unhandled.size());
    }
  }

  /**
   * Returns how many accepted, already acknowledged events were lost at shutdown: those {@link
   * #close()} could not drain within the drain timeout, and those still in a handler that did not
   * stop. Events that {@link #shutdown(Duration)} handed back are not counted; the caller keeps
   * them. Export it as a metric: it should stay zero.
   */
  public long droppedEvents() {
    return dropped.get();
  }

  @Override
  public String toString() {
    return "QueuedHandoff[capacity="
        + capacity
        + ", workers="
        + executor.getCorePoolSize()
        + ", pending="
        + pending.get()
        + "]";
  }

  private final class Batch implements Runnable {
    final List<WebhookEvent> events;
    final DeliveryContext context;

    Batch(List<WebhookEvent> events, DeliveryContext context) {
      this.events = events;
      this.context = context;
    }

    @Override
    public void run() {
      int i = 0;
      try {
        for (; i < events.size() && !stopRequested; i++) {
          context.dispatch(router, events.get(i));
          pending.decrementAndGet();
        }
      } finally {
        if (i < events.size()) {
          leftovers.addAll(events.subList(i, events.size()));
          pending.addAndGet(-(events.size() - i));
        }
      }
    }
  }

  /** Builds a {@link QueuedHandoff}. Not thread-safe. */
  public static final class Builder {
    private final WebhookRouter router;
    private int capacity = DEFAULT_CAPACITY;
    private int workers = DEFAULT_WORKERS;
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
    private ThreadFactory threadFactory = new NamedThreads();

    private Builder(WebhookRouter router) {
      this.router = Objects.requireNonNull(router, "router");
    }

    /**
     * Sets how many events may wait or run at once. Default {@value
     * QueuedHandoff#DEFAULT_CAPACITY}. Raise it for bursts your handlers catch up with; lower it to
     * bound memory and what a crash can lose.
     *
     * @param capacity at least 1
     */
    public Builder capacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
      }
      this.capacity = capacity;
      return this;
    }

    /**
     * Sets the number of worker threads. Default {@value QueuedHandoff#DEFAULT_WORKERS}. Raise it
     * when handlers wait on I/O.
     *
     * @param workers at least 1
     */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, was " + workers);
      }
      this.workers = workers;
      return this;
    }

    /**
     * Sets how long {@link QueuedHandoff#close()} waits for the queue to drain. Default 30 seconds.
     *
     * @param drainTimeout zero or positive
     */
    public Builder drainTimeout(Duration drainTimeout) {
      Objects.requireNonNull(drainTimeout, "drainTimeout");
      if (drainTimeout.isNegative()) {
        throw new IllegalArgumentException("drainTimeout must not be negative");
      }
      this.drainTimeout = drainTimeout;
      return this;
    }

    /**
     * Sets the factory for worker threads. Default: non-daemon threads named {@code
     * wasdk-webhook-handoff-N}.
     *
     * @param threadFactory makes the worker threads
     */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /** Returns the hand-off with its workers ready. */
    public QueuedHandoff build() {
      return new QueuedHandoff(this);
    }
  }

  private static final class NamedThreads implements ThreadFactory {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "wasdk-webhook-handoff-" + SEQUENCE.incrementAndGet());
      t.setDaemon(false);
      return t;
    }
  }
}

package dev.wasdk.observe;

/**
 * Holds an observer's context (a tracer's current span, say) taken on one thread, so that work the
 * SDK carries on on another thread can run inside it. The SDK only passes it along: it never looks
 * inside.
 *
 * <p>A {@link dev.wasdk.sender.MessageSender} takes one from {@link WhatsAppObserver#capture()}
 * when a message is submitted, and makes it current around each request it sends for that message
 * and around the handling of Meta's answer. A reply queued from a webhook handler is therefore sent
 * inside the handler's trace, although the sender's own thread sends it.
 *
 * <p><b>Thread-safety.</b> An instance may be made current on any thread, any number of times, also
 * concurrently; each {@link Scope} is closed on the thread that opened it.
 *
 * <pre>{@code
 * public CapturedContext capture() {
 *   Context taken = Context.current();
 *   return () -> taken.makeCurrent()::close;
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CapturedContext {

  /**
   * Returns the context that carries nothing; making it current changes nothing.
   *
   * @return the shared empty context
   */
  static CapturedContext none() {
    return NoContext.INSTANCE;
  }

  /**
   * Makes this context current on the calling thread until the returned scope is closed.
   *
   * @return the scope, to close on the same thread, in try-with-resources
   */
  Scope makeCurrent();

  /**
   * Restores what was current before {@link CapturedContext#makeCurrent()}.
   *
   * <p>Not thread-safe: close it once, on the thread that opened it.
   */
  @FunctionalInterface
  interface Scope extends AutoCloseable {
    /** Restores the previous context. Never throws. */
    @Override
    void close();
  }
}

/** The empty context. */
enum NoContext implements CapturedContext, CapturedContext.Scope {
  INSTANCE;

  @Override
  public CapturedContext.Scope makeCurrent() {
    return this;
  }

  @Override
  public void close() {}
}

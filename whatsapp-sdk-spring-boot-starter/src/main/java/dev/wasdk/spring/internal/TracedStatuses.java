package dev.wasdk.spring.internal;

import dev.wasdk.opentelemetry.WhatsAppTracing;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import java.util.Objects;
import org.springframework.context.event.EventListener;

/**
 * Passes each status webhook to the tracing, so that it joins the trace its message was sent in.
 * Runs inside the delivery's span with the default synchronous dispatch. Thread-safe.
 */
public final class TracedStatuses {
  private final WhatsAppTracing tracing;

  /**
   * Creates the listener.
   *
   * @param tracing the tracing to tell
   */
  public TracedStatuses(WhatsAppTracing tracing) {
    this.tracing = Objects.requireNonNull(tracing, "tracing");
  }

  /** Records the status. */
  @EventListener
  public void on(MessageStatusChanged status) {
    tracing.statusReceived(status.messageId(), status.rawStatus());
  }
}

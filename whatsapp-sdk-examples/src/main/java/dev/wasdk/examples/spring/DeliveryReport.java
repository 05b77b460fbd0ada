package dev.wasdk.examples.spring;

import dev.wasdk.webhooks.event.DeliveryStatus;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the status webhooks of the messages sent: how many were sent, delivered, read, and which
 * error codes the failed ones carried. Thread-safe.
 */
@Component
public class DeliveryReport {
  private final Map<DeliveryStatus, Integer> byStatus = new EnumMap<>(DeliveryStatus.class);
  private final Map<Integer, Integer> failuresByCode = new TreeMap<>();

  // tag::status[]
  /**
   * Records one status change.
   *
   * @param status the status webhook
   */
  @EventListener
  public synchronized void onStatus(MessageStatusChanged status) {
    byStatus.merge(status.status(), 1, Integer::sum);
    if (status.isFailed()) {
      failuresByCode.merge(status.errorCode().orElse(0), 1, Integer::sum);
    }
  }

  // end::status[]

  /**
   * Returns how many status webhooks reported {@code status}.
   *
   * @param status the status
   * @return the count
   */
  public synchronized int count(DeliveryStatus status) {
    return byStatus.getOrDefault(status, 0);
  }

  /** Returns the counts, such as {@code sent=3, delivered=3, read=3, failed=0}. */
  @Override
  public synchronized String toString() {
    return "sent="
        + count(DeliveryStatus.SENT)
        + ", delivered="
        + count(DeliveryStatus.DELIVERED)
        + ", read="
        + count(DeliveryStatus.READ)
        + ", failed="
        + count(DeliveryStatus.FAILED)
        + (failuresByCode.isEmpty() ? "" : " " + failuresByCode);
  }
}

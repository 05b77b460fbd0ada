package dev.wasdk.campaigns.internal;

import dev.wasdk.campaigns.Funnel;
import dev.wasdk.sender.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutable counts behind a {@link Funnel}. Thread-safe: each step takes the instance's monitor
 * for a few field updates only.
 */
public final class FunnelCounter {
  private long submitted;
  private final Map<RejectReason, Long> refused = new EnumMap<>(RejectReason.class);
  private long sent;
  private long delivered;
  private long read;
  private long replied;
  private long clicked;
  private final Map<Integer, Long> failed = new TreeMap<>();
  private final Map<String, Long> charged = new TreeMap<>();

  /** Counts a message handed to the sender. */
  public synchronized void submitted() {
    submitted++;
  }

  /** Counts a message refused before or at the network. */
  public synchronized void refused(RejectReason reason) {
    refused.merge(reason, 1L, Long::sum);
  }

  /** Counts a message Meta accepted. */
  public synchronized void sent() {
    sent++;
  }

  /** Counts a message delivered. */
  public synchronized void delivered() {
    delivered++;
  }

  /** Counts a message read. */
  public synchronized void read() {
    read++;
  }

  /** Counts a message answered. */
  public synchronized void replied() {
    replied++;
  }

  /** Sets the click count, which template analytics report as a total. */
  public synchronized void clicked(long total) {
    clicked = total;
  }

  /** Counts a failed message. */
  public synchronized void failed(int code) {
    failed.merge(code, 1L, Long::sum);
  }

  /** Counts a charged message. */
  public synchronized void charged(String category) {
    charged.merge(category, 1L, Long::sum);
  }

  /** Returns the counts now. */
  public synchronized Funnel snapshot() {
    return new Funnel(submitted, refused, sent, delivered, read, replied, clicked, failed, charged);
  }
}

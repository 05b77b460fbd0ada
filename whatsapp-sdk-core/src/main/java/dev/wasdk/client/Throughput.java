package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;

/**
 * A phone number's message throughput: how many messages per second it may send.
 *
 * <p>Meta gives every number {@link #STANDARD} 80 messages per second, upgrades eligible numbers to
 * {@link #HIGH} 1,000, and fixes numbers that also use the WhatsApp Business app ({@link
 * #COEXISTENCE}) at 20. Inbound messages count too, so leave headroom when the number also receives
 * heavy traffic.
 *
 * @param messagesPerSecond the throughput, at least 1
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput">Throughput</a>
 */
public record Throughput(int messagesPerSecond) {
  /** 80 messages per second: the default. */
  public static final Throughput STANDARD = new Throughput(80);

  /** 1,000 messages per second, after the automatic upgrade. */
  public static final Throughput HIGH = new Throughput(1_000);

  /** 20 messages per second, for coexistence numbers. */
  public static final Throughput COEXISTENCE = new Throughput(20);

  /** Checks the argument. */
  public Throughput {
    if (messagesPerSecond < 1 || messagesPerSecond > 100_000) {
      throw new IllegalArgumentException(
          "messagesPerSecond must be 1 to 100000, was " + messagesPerSecond);
    }
  }

  /**
   * Returns the throughput for Meta's {@code throughput.level} ({@code STANDARD}, {@code HIGH}), or
   * for the {@code THROUGHPUT_UPGRADE} event's level. Unknown levels give {@link #STANDARD}.
   *
   * @param level the level, in any letter case
   * @return the throughput
   */
  public static Throughput ofLevel(String level) {
    switch (OpenEnums.parse(Level.class, level, Level.OTHER)) {
      case HIGH:
      case THROUGHPUT_UPGRADE:
        return HIGH;
      case COEXISTENCE:
        return COEXISTENCE;
      default:
        return STANDARD;
    }
  }

  /** The level names Meta sends; anything else reads as the standard level. */
  private enum Level {
    HIGH,
    THROUGHPUT_UPGRADE,
    COEXISTENCE,
    OTHER
  }
}

package dev.wasdk.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh identifiers in the shapes Meta uses. Thread-safe. */
public final class Ids {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final char[] TRACE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  private Ids() {}

  /**
   * Returns a message id: {@code wamid.} and the base64 of a small binary record holding the user's
   * number and a random key, as Meta's ids are built.
   *
   * @param userDigits the user's WhatsApp id (digits) or other recipient id
   * @param inbound whether the message comes from the user
   */
  public static String wamid(String userDigits, boolean inbound) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    byte[] user = userDigits.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(48);
    out.write(0x1C);
    out.write(0x18);
    out.write(Math.min(user.length, 0x7F));
    out.write(user, 0, Math.min(user.length, 0x7F));
    out.write(0x15);
    out.write(0x02);
    out.write(0x00);
    out.write(inbound ? 0x12 : 0x11);
    out.write(0x18);
    out.write(inbound ? 0x14 : 0x12);
    int n = inbound ? 20 : 18;
    for (int i = 0; i < n; i++) {
      out.write(HEX[r.nextInt(16)]);
    }
    out.write(0x00);
    return "wamid." + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /** Returns a numeric id of 16 digits, as media, template and phone-number ids look. */
  public static String numeric() {
    return Long.toString(
        1_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999_999_999L));
  }

  /** Returns a trace id like Meta's {@code fbtrace_id}. */
  public static String fbtraceId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    char[] c = new char[23];
    for (int i = 0; i < c.length; i++) {
      c[i] = TRACE[r.nextInt(TRACE.length)];
    }
    return new String(c);
  }
}

package dev.wasdk.internal.redis;

import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes a {@link ConsentRecord} as one line of text and reads it back: {@code
 * 1|kind|category|source|epochSecond|nano|evidence|detail}, where the evidence is {@code -} when
 * absent or {@code +} and the URL-encoded id, and the detail is URL-encoded, so no field can hold
 * the separator. The leading {@code 1} is the format's version.
 */
public final class ConsentCodec {
  private static final String VERSION = "1";

  private ConsentCodec() {}

  /**
   * Encodes a record.
   *
   * @param r the record
   * @return its line
   */
  public static String encode(ConsentRecord r) {
    return VERSION
        + '|'
        + r.kind().name()
        + '|'
        + r.category().name()
        + '|'
        + r.source().name()
        + '|'
        + r.at().getEpochSecond()
        + '|'
        + r.at().getNano()
        + '|'
        + r.evidence().map(e -> "+" + enc(e)).orElse("-")
        + '|'
        + enc(r.detail());
  }

  /**
   * Decodes a line written by {@link #encode}.
   *
   * @param line the line
   * @return the record
   * @throws IllegalStateException if the line is not in this format
   */
  public static ConsentRecord decode(String line) {
    String[] f = line.split("\\|", -1);
    if (f.length != 8 || !VERSION.equals(f[0])) {
      throw new IllegalStateException("unreadable consent record in Redis (format " + f[0] + ")");
    }
    try {
      Optional<String> evidence =
          f[6].equals("-") ? Optional.empty() : Optional.of(dec(f[6].substring(1)));
      return new ConsentRecord(
          ConsentRecord.Kind.valueOf(f[1]),
          TemplateCategory.valueOf(f[2]),
          ConsentSource.valueOf(f[3]),
          dec(f[7]),
          evidence,
          Instant.ofEpochSecond(Long.parseLong(f[4]), Long.parseLong(f[5])));
    } catch (RuntimeException e) {
      throw new IllegalStateException("unreadable consent record in Redis", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}

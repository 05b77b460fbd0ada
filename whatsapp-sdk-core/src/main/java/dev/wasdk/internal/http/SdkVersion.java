package dev.wasdk.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this library, read from the jar's Maven metadata; {@code dev} when absent. */
public final class SdkVersion {
  /** The version, such as {@code 0.1.0}. */
  public static final String VALUE = read();

  private SdkVersion() {}

  private static String read() {
    try (InputStream in =
        SdkVersion.class.getResourceAsStream(
            "/META-INF/maven/dev.wasdk/whatsapp-sdk-core/pom.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}

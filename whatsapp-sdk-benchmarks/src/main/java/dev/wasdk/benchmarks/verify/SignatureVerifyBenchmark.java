package dev.wasdk.benchmarks.verify;

import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures {@link SignatureVerifier#verify} against a bare HMAC-SHA256 of the same body, to show
 * what the verifier adds on top of the hash: a cloned {@link Mac} per call (for thread safety),
 * header parsing, hex decoding and the constant-time comparison.
 *
 * <pre>
 * mvn -q -B -o -pl whatsapp-sdk-benchmarks -am package -DskipTests
 * java -jar whatsapp-sdk-benchmarks/target/benchmarks.jar verify -f 1 -wi 3 -i 5 -w 1s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignatureVerifyBenchmark {
  private static final String SECRET = "benchmark-app-secret-0123456789ab";

  private byte[] body;
  private String header;
  private byte[] expected;
  private SignatureVerifier verifier;
  private SecretKeySpec key;

  /** One keyed Mac per benchmark thread: the cheapest way to hash, and not shareable. */
  @State(Scope.Thread)
  public static class ThreadMac {
    Mac mac;

    /** Keys the thread's Mac. */
    @Setup
    public void setUp(SignatureVerifyBenchmark b) throws GeneralSecurityException {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(b.key);
    }
  }

  /** Builds a realistic inbound-message delivery of about 1.5 KB and signs it. */
  @Setup
  public void setUp() {
    body = delivery().getBytes(StandardCharsets.UTF_8);
    if (body.length < 1400 || body.length > 1600) {
      throw new IllegalStateException("body should be about 1.5 KB, is " + body.length);
    }
    header = WebhookSigner.of(SECRET).sign(body);
    expected = HexFormat.of().parseHex(header.substring("sha256=".length()));
    verifier = SignatureVerifier.of(SECRET);
    key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The verifier as applications use it. */
  @Benchmark
  public void verify() {
    verifier.verify(body, header);
  }

  /** The floor: HMAC with a Mac reused by its thread, plus the constant-time comparison. */
  @Benchmark
  public boolean rawMacReused(ThreadMac m) {
    return MessageDigest.isEqual(m.mac.doFinal(body), expected);
  }

  /** The naive thread-safe alternative: look up and key a new Mac for every request. */
  @Benchmark
  public boolean rawMacPerCall() throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(key);
    return MessageDigest.isEqual(mac.doFinal(body), expected);
  }

  private static String delivery() {
    String text =
        "Hi! I ordered the blue running shoes last week (order 48213) and the tracking page has"
            + " not changed since Monday. Could you check whether the parcel left the warehouse"
            + " and tell me when it should arrive? I also wanted to ask if I can still swap the"
            + " size from 42 to 43 before it ships, and whether the return label is included in"
            + " the box or has to be printed. Thanks a lot for your help, and sorry for the long"
            + " message. If it is easier, you can also call me tomorrow morning between nine and"
            + " eleven. Best regards from Lisbon.";
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
        + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
        + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
        + "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"16505551234\","
        + "\"user_id\":\"US.13491208655302741918\"}],"
        + "\"messages\":[{\"context\":{\"from\":\"15550783881\",\"id\":"
        + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDNjlDQjk1RTA5Q0I5QjlGQzQA\"},"
        + "\"from\":\"16505551234\",\"from_user_id\":\"US.13491208655302741918\","
        + "\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=\","
        + "\"timestamp\":\"1749416383\",\"type\":\"text\",\"text\":{\"body\":\""
        + text
        + "\"},\"referral\":{\"source_url\":\"https://fb.me/3cr4Wqqkv\",\"source_id\":"
        + "\"120226305854810726\",\"source_type\":\"ad\",\"body\":\"Summer sale on running"
        + " shoes\",\"headline\":\"Chat with us\",\"media_type\":\"image\",\"image_url\":"
        + "\"https://scontent.xx.fbcdn.net/v/t45.1600-4/518949899_n.png\",\"ctwa_clid\":"
        + "\"Afc3nYt4TTydumlFFsatFz8bR9yOUbTf2Q\"}}]},\"field\":\"messages\"}]}]}";
  }
}

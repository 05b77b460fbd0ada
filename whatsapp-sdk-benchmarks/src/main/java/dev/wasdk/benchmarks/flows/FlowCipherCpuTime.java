package dev.wasdk.benchmarks.flows;

import dev.wasdk.flows.DecryptedFlowRequest;
import dev.wasdk.flows.FlowCipher;
import dev.wasdk.flows.FlowRequest;
import dev.wasdk.flows.FlowResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypting a 1 KB Flow data-endpoint request and encrypting its answer with {@link FlowCipher},
 * against the raw JCA operations it consists of (base64, RSA-OAEP unwrap of the AES key, AES-GCM
 * decryption, AES-GCM encryption of the answer, base64), in thread CPU time with the variants
 * interleaved round by round. Prints the median per request, requests per second per core, and the
 * ratio.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.flows.FlowCipherCpuTime
 * </pre>
 */
public final class FlowCipherCpuTime {
  private static final int WARMUP_ROUNDS = 8;
  private static final int MEASURED_ROUNDS = 15;
  private static final int PER_ROUND = 400;
  private static final OAEPParameterSpec OAEP =
      new OAEPParameterSpec(
          "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
  private static volatile Object sink;

  private FlowCipherCpuTime() {}

  /**
   * Runs the comparison.
   *
   * @param args ignored
   * @throws GeneralSecurityException if RSA or AES-GCM is not available
   */
  public static void main(String[] args) throws GeneralSecurityException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    String requestJson =
        "{\"version\":\"3.0\",\"action\":\"data_exchange\",\"screen\":\"ORDER\",\"data\":{\"notes\":\""
            + "x".repeat(900)
            + "\"},\"flow_token\":\"tok-1k\"}";
    String responseJson = FlowResponse.nextScreen("DONE").put("total", 1234).build().json();
    SecureRandom random = new SecureRandom();
    byte[] aesKey = new byte[16];
    byte[] iv = new byte[16];
    random.nextBytes(aesKey);
    random.nextBytes(iv);
    Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
    rsa.init(Cipher.ENCRYPT_MODE, pair.getPublic(), OAEP);
    byte[] wrapped = rsa.doFinal(aesKey);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
    byte[] data = aes.doFinal(requestJson.getBytes(StandardCharsets.UTF_8));
    Base64.Encoder b64 = Base64.getEncoder();
    String dataB64 = b64.encodeToString(data);
    String keyB64 = b64.encodeToString(wrapped);
    String ivB64 = b64.encodeToString(iv);
    byte[] body =
        ("{\"encrypted_flow_data\":\""
                + dataB64
                + "\",\"encrypted_aes_key\":\""
                + keyB64
                + "\",\"initial_vector\":\""
                + ivB64
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    FlowCipher cipher = FlowCipher.of(pair.getPrivate());

    Map<String, Runnable> variants = new LinkedHashMap<>();
    variants.put(
        "rawJca",
        () -> {
          try {
            Base64.Decoder d = Base64.getDecoder();
            Cipher unwrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
            unwrap.init(Cipher.DECRYPT_MODE, pair.getPrivate(), OAEP);
            byte[] key = unwrap.doFinal(d.decode(keyB64));
            byte[] requestIv = d.decode(ivB64);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, requestIv));
            String json = new String(gcm.doFinal(d.decode(dataB64)), StandardCharsets.UTF_8);
            byte[] flipped = new byte[16];
            for (int i = 0; i < 16; i++) {
              flipped[i] = (byte) ~requestIv[i];
            }
            Cipher out = Cipher.getInstance("AES/GCM/NoPadding");
            out.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, flipped));
            sink = json;
            sink =
                Base64.getEncoder()
                    .encodeToString(out.doFinal(responseJson.getBytes(StandardCharsets.UTF_8)));
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
          }
        });
    variants.put(
        "flowCipher",
        () -> {
          DecryptedFlowRequest request = cipher.decrypt(body);
          sink = request.json();
          sink = request.encryptResponse(responseJson);
        });
    variants.put(
        "flowCipherAndParse",
        () -> {
          DecryptedFlowRequest request = cipher.decrypt(body);
          sink = FlowRequest.parse(request.json());
          sink = request.encryptResponse(responseJson);
        });

    Map<String, List<Double>> samples = new LinkedHashMap<>();
    for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
      for (Map.Entry<String, Runnable> v : variants.entrySet()) {
        Runnable op = v.getValue();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < PER_ROUND; i++) {
          op.run();
        }
        double nanosPerOp = (threads.getCurrentThreadCpuTime() - start) / (double) PER_ROUND;
        if (round >= WARMUP_ROUNDS) {
          samples.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(nanosPerOp);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Flow request of %,d bytes (%,d-byte JSON), RSA-2048, thread CPU time per request:%n",
        body.length,
        requestJson.length());
    Map<String, Double> median = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> s : samples.entrySet()) {
      List<Double> l = s.getValue();
      Collections.sort(l);
      double m = l.get(l.size() / 2);
      median.put(s.getKey(), m);
      System.out.printf(
          Locale.ROOT,
          "  %-20s median %,10.1f us   min %,10.1f us   %,8.0f requests/s per core%n",
          s.getKey(),
          m / 1000,
          l.get(0) / 1000,
          1e9 / m);
    }
    System.out.printf(
        Locale.ROOT,
        "  ratio flowCipher / rawJca = %.3f; flowCipherAndParse / rawJca = %.3f%n",
        median.get("flowCipher") / median.get("rawJca"),
        median.get("flowCipherAndParse") / median.get("rawJca"));
  }
}

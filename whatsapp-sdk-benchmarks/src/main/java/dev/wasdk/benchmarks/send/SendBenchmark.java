package dev.wasdk.benchmarks.send;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.message.Message;
import dev.wasdk.okhttp.OkHttpTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.whatsapp.model.MessageResponse;
import org.apache.camel.component.whatsapp.model.TextMessage;
import org.apache.camel.component.whatsapp.model.TextMessageRequest;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sends per second through three clients against the same loopback server: wasdk's {@code
 * wa.messages().send(text)}, a raw {@code HttpClient.send} POST of the same bytes with the same
 * headers, and Apache Camel's WhatsApp producer ({@code camel-whatsapp}, the library a Java
 * developer would most likely pick instead) with its {@code baseUri} pointed at the server, once
 * with the client its endpoint builds and once with an HTTP/1.1 client of its own. The raw side
 * neither serializes the message nor parses the reply, so wasdk's time ratio to raw ({@code raw
 * ops/s ÷ wasdk ops/s}) is the whole cost of the SDK's send path.
 *
 * <p>The concurrency comes from JMH's {@code -t} option; the report runs each at 1, 8 and 64
 * threads. Each client keeps its own connection pool. wasdk and the raw client speak HTTP/1.1.
 * Camel's {@code camel} benchmark uses the {@code HttpClient} its endpoint builds by default
 * (HTTP/2 preferred, which on plain {@code http} means an upgrade offer that the server declines),
 * as a Camel user gets it; {@code camelHttp11} gives the endpoint an HTTP/1.1 client, like the
 * others. Camel's producer sends with {@code sendAsync} and the template waits for the reply.
 *
 * <p>The {@code okhttp} benchmark is the raw POST again on OkHttp 5 instead of the JDK client: the
 * same bytes, path and headers, the reply read as bytes and not parsed. It is the floor of any
 * client built on OkHttp (such as a Retrofit-based SDK). Its connection pool keeps up to 64 idle
 * connections (OkHttp's default keeps 5), so at 8 and 64 threads it reuses connections as the JDK
 * client does. OkHttp's synchronous {@code execute} runs on the calling thread.
 *
 * <p>The {@code wasdkOkhttp} benchmark is wasdk's send again, on its OkHttp transport ({@code
 * whatsapp-sdk-okhttp}, {@code OkHttpTransport.create()}) instead of the JDK client: the same
 * message, bytes and server. Its time ÷ {@code okhttp}'s is wasdk's whole cost over the raw OkHttp
 * POST. The {@code okhttpPair} group runs wasdk-on-OkHttp and raw OkHttp threads at the same moment
 * (1 + 1, or {@code -tg 8,8}).
 *
 * <p>The {@code paired*} groups run wasdk and raw threads at the same time against the same server
 * (1 + 1 and 4 + 4 threads; JMH's {@code -tg 32,32} gives 32 + 32), so both sides see the same
 * machine load; on a busy machine their ratio is steadier than that of separate runs. The {@code
 * trio} group does the same with wasdk, raw and OkHttp threads (1 + 1 + 1, or {@code -tg 8,8,8}).
 *
 * <p>Under load the JDK client occasionally fails a request on a reused connection with {@code
 * IOException: HTTP/1.1 header parser received no bytes}. Every side counts such failures instead
 * of aborting the run and prints the counts at the end; the failed call still counts as an
 * operation.
 *
 * <pre>
 * mvn -q -B -pl whatsapp-sdk-benchmarks -am package -DskipTests
 * java -jar whatsapp-sdk-benchmarks/target/benchmarks.jar 'SendBenchmark\.(raw|wasdk|camel)$' -t 8
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true", "-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SendBenchmark {
  private static final String TOKEN = "EAAG-benchmark-token-not-secret-0123456789";
  private static final String PHONE_ID = "106540352242922";
  private static final String TEXT = "Your order 4711 has shipped and arrives Tuesday.";
  private static final int SERVER_THREADS = 16;

  private LoopbackServer server;
  private WhatsAppClient wa;
  private HttpClient raw;
  private URI messagesUri;
  private Message message;
  private byte[] body;
  private String authorization;
  private CamelContext camel;
  private ProducerTemplate camelTemplate;
  private Endpoint camelEndpoint;
  private Endpoint camelEndpointHttp11;
  private TextMessageRequest camelMessage;
  private final AtomicLong rawFailures = new AtomicLong();
  private final AtomicLong wasdkFailures = new AtomicLong();
  private final AtomicLong camelFailures = new AtomicLong();
  private final AtomicLong okhttpFailures = new AtomicLong();
  private final AtomicLong wasdkOkhttpFailures = new AtomicLong();
  private OkHttpTransport okhttpTransport;
  private WhatsAppClient waOkhttp;
  private OkHttpClient okhttp;
  private Request okhttpRequest;

  /** Starts the server and the three clients, and checks each gets the canned reply. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = new LoopbackServer(SERVER_THREADS);
    wa =
        WhatsAppClient.builder()
            .accessToken(TOKEN)
            .phoneNumberId(PHONE_ID)
            .baseUrl(server.baseUrl())
            .build();
    raw =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    message = Message.to("+16505551234").text(TEXT);
    authorization = "Bearer " + TOKEN;
    // Replay exactly the bytes, and the path, the SDK sends.
    SendResult first = wa.messages().send(message);
    body = server.lastBody();
    String wasdkPath = server.lastPath();
    messagesUri = URI.create(server.baseUrl() + wasdkPath);
    byte[] rawReply = rawPost().clone();
    if (!first.wamid().startsWith("wamid.")
        || body == null
        || !Arrays.equals(rawReply, LoopbackServer.SEND_OK)
        || !Arrays.equals(body, server.lastBody())) {
      throw new IllegalStateException("the loopback server did not answer as expected");
    }

    okhttp =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .build();
    okhttpRequest =
        new Request.Builder()
            .url(messagesUri.toString())
            .header("Authorization", authorization)
            .header("User-Agent", "okhttp-peer/1.0")
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    if (!Arrays.equals(okhttpPost(), LoopbackServer.SEND_OK)
        || !Arrays.equals(body, server.lastBody())
        || !wasdkPath.equals(server.lastPath())) {
      throw new IllegalStateException("OkHttp's request or reply was not as expected");
    }

    okhttpTransport = OkHttpTransport.create();
    waOkhttp =
        WhatsAppClient.builder()
            .accessToken(TOKEN)
            .phoneNumberId(PHONE_ID)
            .baseUrl(server.baseUrl())
            .transport(okhttpTransport)
            .build();
    SendResult onOkhttp = waOkhttp.messages().send(message);
    if (!onOkhttp.wamid().startsWith("wamid.")
        || !Arrays.equals(body, server.lastBody())
        || !wasdkPath.equals(server.lastPath())) {
      throw new IllegalStateException("wasdk on OkHttp did not send the same request");
    }

    camel = new DefaultCamelContext();
    camel.start();
    String version = wasdkPath.split("/")[1];
    camelEndpoint =
        camel.getEndpoint(
            "whatsapp:"
                + PHONE_ID
                + "?authorizationToken=RAW("
                + TOKEN
                + ")&apiVersion="
                + version
                + "&baseUri=RAW("
                + server.baseUrl()
                + ")");
    camel
        .getRegistry()
        .bind(
            "http11",
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build());
    camelEndpointHttp11 =
        camel.getEndpoint(
            "whatsapp:"
                + PHONE_ID
                + "?authorizationToken=RAW("
                + TOKEN
                + ")&apiVersion="
                + version
                + "&httpClient=#http11&baseUri=RAW("
                + server.baseUrl()
                + ")");
    camelTemplate = camel.createProducerTemplate();
    camelMessage = new TextMessageRequest();
    camelMessage.setTo("+16505551234");
    TextMessage text = new TextMessage();
    text.setBody(TEXT);
    camelMessage.setText(text);
    camelSend(camelEndpointHttp11);
    MessageResponse reply = camelSend(camelEndpoint);
    String camelBody = new String(server.lastBody(), StandardCharsets.UTF_8);
    if (reply.getMessages() == null
        || !reply.getMessages().get(0).getId().startsWith("wamid.")
        || !wasdkPath.equals(server.lastPath())
        || !camelBody.contains(TEXT)) {
      throw new IllegalStateException(
          "Camel's request or reply was not as expected: " + server.lastPath() + " " + camelBody);
    }
  }

  /** Prints any counted failures and closes everything. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    if (rawFailures.get()
            + wasdkFailures.get()
            + camelFailures.get()
            + okhttpFailures.get()
            + wasdkOkhttpFailures.get()
        > 0) {
      System.out.printf(
          "%nfailed calls: raw=%d wasdk=%d camel=%d okhttp=%d wasdkOkhttp=%d%n",
          rawFailures.get(),
          wasdkFailures.get(),
          camelFailures.get(),
          okhttpFailures.get(),
          wasdkOkhttpFailures.get());
    }
    waOkhttp.close();
    okhttpTransport.close();
    okhttp.dispatcher().executorService().shutdown();
    okhttp.connectionPool().evictAll();
    camelTemplate.stop();
    camel.stop();
    wa.close();
    server.close();
  }

  private byte[] rawPost() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(messagesUri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("User-Agent", "raw/1.0")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(body))
            .build();
    return raw.send(request, BodyHandlers.ofByteArray()).body();
  }

  private byte[] okhttpPost() throws IOException {
    try (Response response = okhttp.newCall(okhttpRequest).execute()) {
      return response.body().bytes();
    }
  }

  private Object okhttpOrCount() {
    try {
      return okhttpPost();
    } catch (IOException e) {
      okhttpFailures.incrementAndGet();
      return e;
    }
  }

  private MessageResponse camelSend(Endpoint endpoint) {
    return camelTemplate.requestBody(endpoint, camelMessage, MessageResponse.class);
  }

  private Object wasdkOrCount() {
    try {
      return wa.messages().send(message);
    } catch (RequestMaybeSentException e) {
      wasdkFailures.incrementAndGet();
      return e;
    }
  }

  private Object wasdkOkhttpOrCount() {
    try {
      return waOkhttp.messages().send(message);
    } catch (RequestMaybeSentException e) {
      wasdkOkhttpFailures.incrementAndGet();
      return e;
    }
  }

  private Object rawOrCount() throws InterruptedException {
    try {
      return rawPost();
    } catch (IOException e) {
      rawFailures.incrementAndGet();
      return e;
    }
  }

  private Object camelOrCount(Endpoint endpoint) {
    try {
      return camelSend(endpoint);
    } catch (CamelExecutionException e) {
      camelFailures.incrementAndGet();
      return e;
    }
  }

  /** The SDK's blocking send. */
  @Benchmark
  public Object wasdk() {
    return wasdkOrCount();
  }

  /** A raw HttpClient POST of the same bytes. */
  @Benchmark
  public Object raw() throws InterruptedException {
    return rawOrCount();
  }

  /** The same POST on OkHttp 5: the floor of a client built on OkHttp. */
  @Benchmark
  public Object okhttp() {
    return okhttpOrCount();
  }

  /** The SDK's blocking send on its OkHttp transport. */
  @Benchmark
  public Object wasdkOkhttp() {
    return wasdkOkhttpOrCount();
  }

  /** Camel's WhatsApp producer through a {@code ProducerTemplate}, waiting for the reply. */
  @Benchmark
  public Object camel() {
    return camelOrCount(camelEndpoint);
  }

  /** The same, with an HTTP/1.1 {@code HttpClient} of its own set as the endpoint's client. */
  @Benchmark
  public Object camelHttp11() {
    return camelOrCount(camelEndpointHttp11);
  }

  /** wasdk half of a pair: one wasdk thread beside one raw thread. */
  @Benchmark
  @Group("paired1plus1")
  @GroupThreads(1)
  public Object paired1plus1_wasdk() {
    return wasdkOrCount();
  }

  /** Raw half of a pair: one raw thread beside one wasdk thread. */
  @Benchmark
  @Group("paired1plus1")
  @GroupThreads(1)
  public Object paired1plus1_raw() throws InterruptedException {
    return rawOrCount();
  }

  /** wasdk half of a pair: four wasdk threads beside four raw threads. */
  @Benchmark
  @Group("paired4plus4")
  @GroupThreads(4)
  public Object paired4plus4_wasdk() {
    return wasdkOrCount();
  }

  /** Raw half of a pair: four raw threads beside four wasdk threads. */
  @Benchmark
  @Group("paired4plus4")
  @GroupThreads(4)
  public Object paired4plus4_raw() throws InterruptedException {
    return rawOrCount();
  }

  /** wasdk third of a trio: wasdk, raw and OkHttp threads sending at the same time. */
  @Benchmark
  @Group("trio")
  @GroupThreads(1)
  public Object trio_wasdk() {
    return wasdkOrCount();
  }

  /** Raw third of a trio. */
  @Benchmark
  @Group("trio")
  @GroupThreads(1)
  public Object trio_raw() throws InterruptedException {
    return rawOrCount();
  }

  /** OkHttp third of a trio. */
  @Benchmark
  @Group("trio")
  @GroupThreads(1)
  public Object trio_okhttp() {
    return okhttpOrCount();
  }

  /** wasdk-on-OkHttp half of a pair: wasdk on its OkHttp transport beside raw OkHttp. */
  @Benchmark
  @Group("okhttpPair")
  @GroupThreads(1)
  public Object okhttpPair_wasdkOkhttp() {
    return wasdkOkhttpOrCount();
  }

  /** Raw OkHttp half of a pair. */
  @Benchmark
  @Group("okhttpPair")
  @GroupThreads(1)
  public Object okhttpPair_okhttp() {
    return okhttpOrCount();
  }
}

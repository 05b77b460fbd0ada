package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.AuthException;
import dev.wasdk.error.InvalidRequestException;
import dev.wasdk.error.RateLimitException;
import dev.wasdk.error.ServerException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.TemplateEdit;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The asynchronous twins of the management calls: same requests, same errors, same retries. */
class AsyncManagementTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String WABA = "102290129340398";
  private static final String V = "/v24.0/";
  private static final AnalyticsRange RANGE =
      AnalyticsRange.of(Instant.ofEpochSecond(1543543200), Instant.ofEpochSecond(1544148000));

  private static final FlowDefinition FLOW =
      FlowDefinition.builder().name("booking").category(FlowCategory.APPOINTMENT_BOOKING).build();

  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("async")).wabaId(WABA).build();
  }

  /** One management call in its two forms, and where it goes. */
  record Case(
      String name,
      String method,
      String path,
      Consumer<WhatsAppClient> sync,
      Function<WhatsAppClient, CompletableFuture<?>> async) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "media url",
            "GET",
            V + "MEDIA1",
            wa -> wa.media().url("MEDIA1"),
            wa -> wa.media().urlAsync("MEDIA1")),
        new Case(
            "media upload",
            "POST",
            V + PHONE_ID + "/media",
            wa -> wa.media().upload(new byte[] {1, 2, 3}, "image/png", "a.png"),
            wa -> wa.media().uploadAsync(new byte[] {1, 2, 3}, "image/png", "a.png")),
        new Case(
            "media download by id",
            "GET",
            V + "MEDIA1",
            wa -> wa.media().download("MEDIA1", new ByteArrayOutputStream()),
            wa -> wa.media().downloadAsync("MEDIA1", new ByteArrayOutputStream())),
        new Case(
            "media delete",
            "DELETE",
            V + "MEDIA1",
            wa -> wa.media().delete("MEDIA1"),
            wa -> wa.media().deleteAsync("MEDIA1")),
        new Case(
            "templates list",
            "GET",
            V + WABA + "/message_templates",
            wa -> wa.templates().list(TemplateQuery.all()),
            wa -> wa.templates().listAsync(TemplateQuery.all())),
        new Case(
            "templates edit",
            "POST",
            V + "77",
            wa -> wa.templates().edit("77", TemplateEdit.category(TemplateCategory.UTILITY)),
            wa -> wa.templates().editAsync("77", TemplateEdit.category(TemplateCategory.UTILITY))),
        new Case(
            "templates delete by name",
            "DELETE",
            V + WABA + "/message_templates",
            wa -> wa.templates().deleteByName("order_update"),
            wa -> wa.templates().deleteByNameAsync("order_update")),
        new Case(
            "phone number get",
            "GET",
            V + PHONE_ID,
            wa -> wa.phoneNumbers().get(),
            wa -> wa.phoneNumbers().getAsync()),
        new Case(
            "phone number request code",
            "POST",
            V + PHONE_ID + "/request_code",
            wa -> wa.phoneNumbers().requestCode(CodeMethod.SMS, "en_US"),
            wa -> wa.phoneNumbers().requestCodeAsync(CodeMethod.SMS, "en_US")),
        new Case(
            "phone number business public key",
            "GET",
            V + PHONE_ID + "/whatsapp_business_encryption",
            wa -> wa.phoneNumbers().businessPublicKey(),
            wa -> wa.phoneNumbers().businessPublicKeyAsync()),
        new Case(
            "flows create",
            "POST",
            V + WABA + "/flows",
            wa -> wa.flows().create(FLOW),
            wa -> wa.flows().createAsync(FLOW)),
        new Case(
            "flows get",
            "GET",
            V + "F1",
            wa -> wa.flows().get("F1"),
            wa -> wa.flows().getAsync("F1")),
        new Case(
            "flows upload flow JSON",
            "POST",
            V + "F1/assets",
            wa -> wa.flows().uploadFlowJson("F1", "{\"version\":\"7.3\",\"screens\":[]}"),
            wa -> wa.flows().uploadFlowJsonAsync("F1", "{\"version\":\"7.3\",\"screens\":[]}")),
        new Case(
            "flows publish",
            "POST",
            V + "F1/publish",
            wa -> wa.flows().publish("F1"),
            wa -> wa.flows().publishAsync("F1")),
        new Case(
            "business profile get",
            "GET",
            V + PHONE_ID + "/whatsapp_business_profile",
            wa -> wa.businessProfile().get(),
            wa -> wa.businessProfile().getAsync()),
        new Case(
            "business profile update",
            "POST",
            V + PHONE_ID + "/whatsapp_business_profile",
            wa -> wa.businessProfile().update(BusinessProfileUpdate.builder().about("Hi").build()),
            wa ->
                wa.businessProfile()
                    .updateAsync(BusinessProfileUpdate.builder().about("Hi").build())),
        new Case(
            "blocked users block",
            "POST",
            V + PHONE_ID + "/block_users",
            wa -> wa.blockedUsers().block(List.of("+16505551234")),
            wa -> wa.blockedUsers().blockAsync(List.of("+16505551234"))),
        new Case(
            "blocked users list",
            "GET",
            V + PHONE_ID + "/block_users",
            wa -> wa.blockedUsers().list(Optional.empty()),
            wa -> wa.blockedUsers().listAsync(Optional.empty())),
        new Case(
            "QR code create",
            "POST",
            V + PHONE_ID + "/message_qrdls",
            wa -> wa.qrCodes().create("Hello"),
            wa -> wa.qrCodes().createAsync("Hello")),
        new Case(
            "QR code get",
            "GET",
            V + PHONE_ID + "/message_qrdls/C1",
            wa -> wa.qrCodes().get("C1"),
            wa -> wa.qrCodes().getAsync("C1")),
        new Case(
            "webhook subscriptions list",
            "GET",
            V + WABA + "/subscribed_apps",
            wa -> wa.webhookSubscriptions().list(),
            wa -> wa.webhookSubscriptions().listAsync()),
        new Case(
            "webhook subscriptions subscribe",
            "POST",
            V + WABA + "/subscribed_apps",
            wa -> wa.webhookSubscriptions().subscribe(),
            wa -> wa.webhookSubscriptions().subscribeAsync()),
        new Case(
            "analytics messaging",
            "GET",
            V + WABA,
            wa ->
                wa.analytics()
                    .messaging(MessagingAnalyticsQuery.of(RANGE, MessagingGranularity.DAY)),
            wa ->
                wa.analytics()
                    .messagingAsync(MessagingAnalyticsQuery.of(RANGE, MessagingGranularity.DAY))),
        new Case(
            "mark read",
            "POST",
            V + PHONE_ID + "/messages",
            wa -> wa.messages().markRead("wamid.IN1"),
            wa -> wa.messages().markReadAsync("wamid.IN1")),
        new Case(
            "graph get",
            "GET",
            V + PHONE_ID,
            wa -> wa.graph().get(PHONE_ID),
            wa -> wa.graph().getAsync(PHONE_ID)));
  }

  static Stream<Arguments> casesAndErrors() {
    List<Arguments> out = new ArrayList<>();
    int[][] errors = {{400, 100}, {401, 190}, {403, 80007}};
    Class<?>[] families = {
      InvalidRequestException.class, AuthException.class, RateLimitException.class
    };
    cases()
        .forEach(
            c -> {
              for (int i = 0; i < errors.length; i++) {
                out.add(Arguments.of(c, errors[i][0], errors[i][1], families[i]));
              }
            });
    return out.stream();
  }

  private static Throwable syncFailure(WhatsAppClient wa, Case c) {
    try {
      c.sync().accept(wa);
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError(c + " did not fail");
  }

  private static Throwable asyncFailure(WhatsAppClient wa, Case c) throws Exception {
    AtomicReference<Throwable> seen = new AtomicReference<>();
    CompletableFuture<?> f = c.async().apply(wa).whenComplete((r, e) -> seen.set(e));
    try {
      f.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // whenComplete sees the failure itself, never a CompletionException around it.
      assertThat(seen.get()).isSameAs(e.getCause());
      return e.getCause();
    }
    throw new AssertionError(c + " async did not fail");
  }

  @ParameterizedTest(name = "{0}: HTTP {1}, code {2}")
  @MethodSource("casesAndErrors")
  void async_errorAnswer_failsWithTheSameExceptionAsTheBlockingForm(
      Case c, int status, int code, Class<?> family) throws Exception {
    wm.stubFor(
        request(c.method(), urlPathEqualTo(c.path()))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(code, "refused", "why", "TRACE" + code))));
    try (WhatsAppClient wa = client()) {
      Throwable sync = syncFailure(wa, c);
      int afterSync = wm.getAllServeEvents().size();
      Throwable async = asyncFailure(wa, c);

      assertThat(sync).isInstanceOf(family);
      assertThat(async).isExactlyInstanceOf(sync.getClass());
      ApiException s = (ApiException) sync;
      ApiException a = (ApiException) async;
      assertThat(a.error().code()).isEqualTo(code).isEqualTo(s.error().code());
      assertThat(a.error().httpStatus()).isEqualTo(status);
      assertThat(a.error().fbtraceId()).contains("TRACE" + code);
      assertThat(a.advice()).isEqualTo(s.advice());
      // The same number of attempts both ways.
      assertThat(wm.getAllServeEvents().size() - afterSync).isEqualTo(afterSync);
    }
  }

  @Test
  void requestCodeAsync_serverError_isNotRetried_butGetAsyncIs() throws Exception {
    String code = V + PHONE_ID + "/request_code";
    wm.stubFor(
        request("POST", urlPathEqualTo(code))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(131000, "boom", "x", "T"))));
    wm.stubFor(
        request("GET", urlPathEqualTo(V + PHONE_ID))
            .inScenario("g")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(131000, "boom", "x", "T")))
            .willSetStateTo("ok"));
    wm.stubFor(
        request("GET", urlPathEqualTo(V + PHONE_ID))
            .inScenario("g")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"" + PHONE_ID + "\",\"quality_rating\":\"GREEN\"}")));
    try (WhatsAppClient wa = client()) {
      CompletableFuture<Void> f = wa.phoneNumbers().requestCodeAsync(CodeMethod.VOICE, "es_ES");
      assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ServerException.class);
      assertThat(wa.phoneNumbers().getAsync().get(20, TimeUnit.SECONDS).qualityRating())
          .isEqualTo(QualityRating.GREEN);
    }
    wm.verify(
        1,
        requestedFor("POST", urlPathEqualTo(code))
            .withRequestBody(equalToJson("{\"code_method\":\"VOICE\",\"language\":\"es_ES\"}")));
    wm.verify(2, requestedFor("GET", urlPathEqualTo(V + PHONE_ID)));
  }

  @Test
  void async_successAnswers_areReadLikeTheBlockingForm() throws Exception {
    wm.stubFor(
        request("GET", urlPathEqualTo(V + PHONE_ID + "/whatsapp_business_profile"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"about\":\"Open 9 to 5\",\"websites\":[\"https://a.example\"],"
                        + "\"vertical\":\"RETAIL\"}]}")));
    wm.stubFor(
        request("POST", urlPathEqualTo(V + PHONE_ID + "/messages"))
            .willReturn(okJson("{\"success\":true}")));
    wm.stubFor(
        request("GET", urlPathEqualTo(V + WABA + "/subscribed_apps"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"whatsapp_business_api_data\":{\"id\":\"67084\","
                        + "\"name\":\"Jasper's Market\"}}]}")));
    wm.stubFor(
        request("POST", urlPathEqualTo(V + PHONE_ID + "/message_qrdls"))
            .willReturn(
                okJson(
                    "{\"code\":\"4O4YGZEG3RIVE1\",\"prefilled_message\":\"Hello\","
                        + "\"deep_link_url\":\"https://wa.me/message/4O4YGZEG3RIVE1\"}")));
    try (WhatsAppClient wa = client()) {
      BusinessProfile p = wa.businessProfile().getAsync().get(20, TimeUnit.SECONDS);
      assertThat(p).isEqualTo(wa.businessProfile().get());
      assertThat(p.about()).contains("Open 9 to 5");

      assertThat(
              wa.messages()
                  .markReadAsync("wamid.IN1", TypingIndicator.TEXT)
                  .get(20, TimeUnit.SECONDS))
          .isNull();

      List<SubscribedApp> apps = wa.webhookSubscriptions().listAsync().get(20, TimeUnit.SECONDS);
      assertThat(apps).singleElement().satisfies(a -> assertThat(a.appId()).isEqualTo("67084"));

      QrCode qr = wa.qrCodes().createAsync("Hello").get(20, TimeUnit.SECONDS);
      assertThat(qr.code()).isEqualTo("4O4YGZEG3RIVE1");
      assertThat(qr.deepLinkUrl()).contains("https://wa.me/message/4O4YGZEG3RIVE1");
    }
    wm.verify(
        requestedFor("POST", urlPathEqualTo(V + PHONE_ID + "/messages"))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"status\":\"read\","
                        + "\"message_id\":\"wamid.IN1\",\"typing_indicator\":{\"type\":\"text\"}}")));
  }

  @Test
  void async_badArguments_areThrownAtOnceLikeTheBlockingForm() {
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      assertThatThrownBy(() -> wa.qrCodes().createAsync(" "))
          .isInstanceOf(dev.wasdk.error.InvalidMessageException.class);
      assertThatThrownBy(() -> wa.templates().listAsync(TemplateQuery.all()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("wabaId");
      assertThatThrownBy(() -> wa.phoneNumbers().registerAsync("12"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  wa.media()
                      .downloadAsync(
                          URI.create("https://evil.example/x"), new ByteArrayOutputStream(), 10)
                      .get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalArgumentException.class);
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void async_closedClient_isRefusedAtOnce() {
    WhatsAppClient wa = client();
    wa.close();
    assertThatThrownBy(() -> wa.phoneNumbers().getAsync())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  // ---- every public blocking management call has an async twin ----

  private static final List<Class<?>> APIS =
      List.of(
          MessagesApi.class,
          MediaApi.class,
          TemplatesApi.class,
          PhoneNumbersApi.class,
          FlowsApi.class,
          BusinessProfileApi.class,
          BlockedUsersApi.class,
          QrCodesApi.class,
          WebhookSubscriptionsApi.class,
          AnalyticsApi.class,
          GraphApi.class,
          CallsApi.class,
          GroupsApi.class,
          UploadSessionsApi.class,
          MarketingMessagesApi.class);

  /** Not calls: a lazy sequence of calls, or local state. */
  private static final Set<String> NOT_CALLS =
      Set.of("lastUsage", "stream", "iterable", "toString", "uploadSessions", "marketing");

  /** Sends already have their async form, {@code sendAsync}, checked by name like the others. */
  @Test
  void everyPublicBlockingCall_hasAnAsyncTwinWithTheSameParameters() throws Exception {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Class<?> api : APIS) {
      for (Method m : api.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())
            || Modifier.isStatic(m.getModifiers())
            || m.isSynthetic()
            || m.getName().endsWith("Async")
            || NOT_CALLS.contains(m.getName())) {
          continue;
        }
        checked++;
        Method twin;
        try {
          twin = api.getMethod(m.getName() + "Async", m.getParameterTypes());
        } catch (NoSuchMethodException e) {
          missing.add(api.getSimpleName() + "." + m.getName() + List.of(m.getParameterTypes()));
          continue;
        }
        assertThat(twin.getReturnType()).isEqualTo(CompletableFuture.class);
        Type arg = ((ParameterizedType) twin.getGenericReturnType()).getActualTypeArguments()[0];
        // A primitive result (void, long) is boxed in the future's type argument.
        Type expected =
            m.getReturnType().isPrimitive()
                ? java.lang.invoke.MethodType.methodType(m.getReturnType()).wrap().returnType()
                : m.getGenericReturnType();
        assertThat(arg.getTypeName())
            .as("%s.%sAsync result type", api.getSimpleName(), m.getName())
            .isEqualTo(expected.getTypeName());
      }
    }
    assertThat(missing).isEmpty();
    assertThat(checked).isGreaterThan(50);
  }
}

/**
 * An HTTP transport for the wasdk client on OkHttp: {@link dev.wasdk.okhttp.OkHttpTransport}, set
 * with {@code WhatsAppClient.builder().transport(...)} in place of the JDK's {@code HttpClient}.
 */
module dev.wasdk.okhttp {
  requires transitive dev.wasdk.core;
  requires transitive okhttp3;
  requires okio;

  exports dev.wasdk.okhttp;
}

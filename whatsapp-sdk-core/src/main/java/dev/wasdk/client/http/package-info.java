/**
 * The HTTP transport seam: {@link dev.wasdk.client.http.HttpTransport}, which carries out one HTTP
 * exchange for a client, and {@link dev.wasdk.client.http.HttpTransportException}, with which a
 * transport says whether a failed request could have been written. The JDK's {@code HttpClient} is
 * the default transport; the {@code whatsapp-sdk-okhttp} module provides one on OkHttp.
 */
package dev.wasdk.client.http;

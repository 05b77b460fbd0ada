package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Media in a message: either the id of uploaded media (recommended) or a public {@code http(s)}
 * link, never both.
 *
 * <pre>{@code
 * MediaRef.id("1037543291543636");
 * MediaRef.link("https://example.com/invoice.pdf");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MediaRef {
  private final String id;
  private final URI link;

  private MediaRef(String id, URI link) {
    this.id = id;
    this.link = link;
  }

  /**
   * Returns a reference to uploaded media.
   *
   * @param mediaId the id returned by a media upload
   * @return the reference
   * @throws InvalidMessageException if the id is blank
   */
  public static MediaRef id(String mediaId) {
    Objects.requireNonNull(mediaId, "mediaId");
    if (mediaId.isBlank()) {
      throw new InvalidMessageException("id", "a non-blank media id", "blank");
    }
    return new MediaRef(mediaId, null);
  }

  /**
   * Returns a reference to media at a public URL, which WhatsApp fetches.
   *
   * @param url an absolute {@code http} or {@code https} URL
   * @return the reference
   * @throws InvalidMessageException if the URL is not absolute http(s)
   */
  public static MediaRef link(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessageException("link", "an absolute http(s) URL", "not a URL");
    }
    return link(uri);
  }

  /**
   * Returns a reference to media at a public URL, which WhatsApp fetches.
   *
   * @param url an absolute {@code http} or {@code https} URL
   * @return the reference
   * @throws InvalidMessageException if the URL is not absolute http(s)
   */
  public static MediaRef link(URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || url.getHost() == null) {
      throw new InvalidMessageException(
          "link", "an absolute http(s) URL", "scheme " + (scheme == null ? "missing" : scheme));
    }
    return new MediaRef(null, url);
  }

  /** Returns the uploaded media id, if this refers to uploaded media. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Returns the URL, if this refers to media by link. */
  public Optional<URI> link() {
    return Optional.ofNullable(link);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaRef m && Objects.equals(m.id, id) && Objects.equals(m.link, link);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, link);
  }

  @Override
  public String toString() {
    return id != null ? "MediaRef[id=" + id + "]" : "MediaRef[link=" + link + "]";
  }
}

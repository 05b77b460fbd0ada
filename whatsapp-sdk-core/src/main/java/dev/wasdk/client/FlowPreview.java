package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A link that shows a Flow in a web page without sending it; it can be embedded in an iframe.
 *
 * @param previewUrl the link
 * @param expiresAt when it stops working, if Meta says
 */
public record FlowPreview(URI previewUrl, Optional<Instant> expiresAt) {
  /** Checks for nulls. */
  public FlowPreview {
    Objects.requireNonNull(previewUrl, "previewUrl");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}

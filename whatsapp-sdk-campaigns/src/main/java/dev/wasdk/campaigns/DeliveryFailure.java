package dev.wasdk.campaigns;

import dev.wasdk.internal.text.Redact;
import dev.wasdk.message.Message;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message that a status webhook reported as {@code failed}, tied back to its send: what {@link
 * DeliveryTracker} hands to its failure callback.
 *
 * <pre>{@code
 * DeliveryTracker tracker = DeliveryTracker.builder()
 *     .onFailure(f -> {
 *       if (f.advice() == FailureAdvice.LATER) {
 *         retryQueue.add(f.original().orElseThrow(), f.at().plus(Duration.ofHours(24)));
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} masks the recipient and never
 * prints the message's content.
 *
 * @param wamid the failed message's id
 * @param recipient whom it was sent to ({@code recipient_id} of the status); empty when absent
 * @param tag the campaign, variant and recipient index from its {@code biz_opaque_callback_data},
 *     when it carried a {@link TrackingTag}
 * @param errorCode the first error's code; 0 when the status carried none
 * @param errorTitle the first error's title, when present
 * @param advice what to do: {@link FailureAdvice#of(int)} of the code
 * @param original the message as it was sent, when the tracker saw the send or its {@link
 *     DeliveryTracker.Builder#originals(java.util.function.Function) originals} rebuilt it
 * @param at when Meta reported the failure
 */
public record DeliveryFailure(
    String wamid,
    Optional<String> recipient,
    Optional<TrackingTag> tag,
    int errorCode,
    Optional<String> errorTitle,
    FailureAdvice advice,
    Optional<Message> original,
    Instant at) {

  /** Checks the arguments. */
  public DeliveryFailure {
    Objects.requireNonNull(wamid, "wamid");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(errorTitle, "errorTitle");
    Objects.requireNonNull(advice, "advice");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(at, "at");
  }

  @Override
  public String toString() {
    return "DeliveryFailure["
        + wamid
        + ", to="
        + recipient.map(Redact::mask).orElse("?")
        + tag.map(t -> ", tag=" + t).orElse("")
        + ", error="
        + errorCode
        + ", advice="
        + advice
        + "]";
  }
}

package dev.wasdk.error;

/**
 * Whether a request that failed in transport could have reached Meta.
 *
 * <p>This is what decides whether a message may be sent again: a {@link #NOT_SENT} message can be
 * resent without risk of a duplicate; a {@link #MAYBE_SENT} message may already be on its way to
 * the user, so resending it could deliver it twice. Reconcile such a message through its status
 * webhooks (by {@code biz_opaque_callback_data}, for example) before sending it again.
 */
public enum RequestState {
  /** The request was never written to the network; resending it is safe. */
  NOT_SENT,
  /** The request may have been written and processed; its outcome is unknown. */
  MAYBE_SENT
}

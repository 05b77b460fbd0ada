package dev.wasdk.campaigns;

/**
 * Hears a campaign's events: started, audience loaded, progress, sample done, decided, paused,
 * resumed, store unavailable and back, cancelled, completed.
 *
 * <p>Called on the campaign's worker thread with no lock held; it should return quickly (call
 * {@link Campaign#snapshot()} for numbers). An exception is logged and ignored.
 *
 * <pre>{@code
 * Campaign c = Campaign.builder("spring-sale", sender, store)
 *     .listener(e -> log.info("{}: {}", e.type(), e.detail()))
 *     ...
 * }</pre>
 */
@FunctionalInterface
public interface CampaignListener {
  /**
   * Called for each event.
   *
   * @param event the event
   */
  void onEvent(CampaignEvent event);
}

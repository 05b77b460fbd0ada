package dev.wasdk.webhooks.event;

import java.util.Optional;

/**
 * One thing a webhook reports: an inbound message, a status change, or a change of an account,
 * number or template. A webhook POST may carry many; {@code WebhookParser} returns one event per
 * inbound message, per status, per user preference, per message echo, per error, per element of the
 * other array fields (history chunks, synced contacts, automatic events, calls and call statuses,
 * groups), and per change of every other field.
 *
 * <p>Every event keeps its context and the raw JSON it was read from. The types are records (or
 * sealed interfaces over records), so a {@code switch} or {@code instanceof} chain covers them:
 *
 * <ul>
 *   <li>{@code messages}: {@link MessageReceived} (one record per message type), {@link
 *       MessageStatusChanged}, {@link ErrorReported}
 *   <li>templates: {@link TemplateStatusChanged}, {@link TemplateQualityChanged}, {@link
 *       TemplateComponentsChanged}, {@link TemplateCategoryChanged}
 *   <li>phone numbers: {@link PhoneNumberQualityChanged}, {@link PhoneNumberNameChanged}, {@link
 *       PhoneNumberSecurityChanged}
 *   <li>account: {@link AccountUpdated}, {@link AccountAlertRaised}, {@link AccountReviewUpdated},
 *       {@link BusinessCapabilityChanged}
 *   <li>users: {@link UserPreferenceChanged}; flows: {@link FlowStatusChanged}, {@link
 *       FlowAlertRaised}
 *   <li>Coexistence: {@link MessageEchoed}, {@link HistorySynced}, {@link AppStateSynced}
 *   <li>calls: {@link CallConnectReceived}, {@link CallTerminated}, {@link CallStatusChanged}
 *   <li>groups: {@link GroupLifecycleChanged}, {@link GroupParticipantsChanged}, {@link
 *       GroupSettingsChanged}, {@link GroupStatusChanged}
 *   <li>settings, ads, partners and payments: {@link AccountSettingsUpdated}, {@link
 *       AutomaticEventDetected}, {@link PartnerSolutionChanged}, {@link
 *       PaymentConfigurationChanged}
 *   <li>anything else: {@link UnknownEvent}
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface WebhookEvent
    permits MessageReceived,
        MessageStatusChanged,
        ErrorReported,
        TemplateStatusChanged,
        TemplateQualityChanged,
        TemplateComponentsChanged,
        TemplateCategoryChanged,
        PhoneNumberQualityChanged,
        PhoneNumberNameChanged,
        PhoneNumberSecurityChanged,
        AccountUpdated,
        AccountAlertRaised,
        AccountReviewUpdated,
        BusinessCapabilityChanged,
        UserPreferenceChanged,
        FlowStatusChanged,
        FlowAlertRaised,
        MessageEchoed,
        HistorySynced,
        AppStateSynced,
        AccountSettingsUpdated,
        AutomaticEventDetected,
        PartnerSolutionChanged,
        PaymentConfigurationChanged,
        CallConnectReceived,
        CallTerminated,
        CallStatusChanged,
        GroupLifecycleChanged,
        GroupParticipantsChanged,
        GroupSettingsChanged,
        GroupStatusChanged,
        UnknownEvent {

  /** Returns where the event came from. */
  EventContext context();

  /**
   * Returns the raw JSON of the element this event was read from: the {@code messages[]}, {@code
   * statuses[]}, {@code errors[]}, {@code user_preferences[]}, {@code message_echoes[]}, {@code
   * history[]}, {@code state_sync[]}, {@code automatic_events[]}, {@code calls[]} or {@code
   * groups[]} element, or else the change's {@code value}. For a UTF-8 body, as Meta sends, it is
   * exactly the text of the body, escapes and spacing included; for other encodings it is the
   * element re-serialized.
   */
  String rawJson();

  /**
   * Returns the key under which duplicate deliveries of this event are recognized, such as the
   * inbound message id, or the status id with the status. Events without an id of their own (group,
   * history, settings, template, number and account changes, unknown fields) are keyed by their
   * field, account, the time the payload gives and a digest of their raw JSON, so a retried
   * delivery is recognized; the default. Empty when the payload gives no such time (an identical
   * change could then recur and must not be skipped), or when an event with an id lacks it: the
   * event is then always delivered.
   */
  default Optional<String> dedupeKey() {
    return PayloadKeys.of(this);
  }
}

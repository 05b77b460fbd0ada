package dev.wasdk.webhooks.internal.parse;

import static dev.wasdk.webhooks.internal.parse.Nodes.decimal;
import static dev.wasdk.webhooks.internal.parse.Nodes.id;
import static dev.wasdk.webhooks.internal.parse.Nodes.instantOrEpoch;
import static dev.wasdk.webhooks.internal.parse.Nodes.obj;
import static dev.wasdk.webhooks.internal.parse.Nodes.opt;
import static dev.wasdk.webhooks.internal.parse.Nodes.optInstant;
import static dev.wasdk.webhooks.internal.parse.Nodes.textOr;

import dev.wasdk.webhooks.event.AccountSettingsUpdated;
import dev.wasdk.webhooks.event.AutomaticEventDetected;
import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.PartnerSolutionChanged;
import dev.wasdk.webhooks.event.PaymentConfigurationChanged;
import java.util.Optional;

/**
 * Maps the account-level fields added with Calling, Embedded Signup, Multi-Partner Solutions and
 * payments: {@code account_settings_update}, {@code automatic_events}, {@code partner_solutions}
 * and {@code payment_configuration_update}.
 */
final class BusinessMapper {
  private BusinessMapper() {}

  /** Maps an {@code account_settings_update} value; the number comes from its settings. */
  static AccountSettingsUpdated accountSettings(EventContext base, Dom.Obj t, String raw) {
    Dom.Obj settings = obj(t, "phone_number_settings");
    Optional<String> number = id(settings, "phone_number_id");
    EventContext ctx =
        number.isEmpty() || base.phoneNumberId().isPresent()
            ? base
            : new EventContext(
                base.wabaId(),
                base.field(),
                number,
                base.displayPhoneNumber(),
                base.contact(),
                base.entryTime());
    Dom.Obj c = obj(settings, "calling");
    Optional<AccountSettingsUpdated.CallingSettings> calling =
        c == null
            ? Optional.empty()
            : Optional.of(
                new AccountSettingsUpdated.CallingSettings(
                    opt(c, "status"),
                    opt(c, "call_icon_visibility"),
                    opt(c, "callback_permission_status"),
                    opt(obj(c, "sip"), "status"),
                    opt(c, "srtp_key_exchange_protocol")));
    return new AccountSettingsUpdated(
        ctx, optInstant(t, "timestamp"), textOr(t, "type"), number.orElse(""), calling, raw);
  }

  /** Maps one {@code value.automatic_events[]} element. */
  static AutomaticEventDetected automaticEvent(EventContext ctx, Dom.Obj e, String raw) {
    Dom.Obj data = obj(e, "custom_data");
    return new AutomaticEventDetected(
        ctx,
        textOr(e, "id"),
        textOr(e, "event_name"),
        instantOrEpoch(e, "timestamp"),
        id(e, "ctwa_clid"),
        id(data, "currency"),
        decimal(data, "value"),
        raw);
  }

  /** Maps a {@code partner_solutions} value. */
  static PartnerSolutionChanged partnerSolution(EventContext ctx, Dom.Obj t, String raw) {
    return new PartnerSolutionChanged(
        ctx, textOr(t, "event"), textOr(t, "solution_id"), textOr(t, "solution_status"), raw);
  }

  /** Maps a {@code payment_configuration_update} value. */
  static PaymentConfigurationChanged paymentConfiguration(EventContext ctx, Dom.Obj t, String raw) {
    return new PaymentConfigurationChanged(
        ctx,
        textOr(t, "configuration_name"),
        textOr(t, "provider_name"),
        id(t, "provider_mid"),
        textOr(t, "status"),
        optInstant(t, "created_timestamp"),
        optInstant(t, "updated_timestamp"),
        raw);
  }
}

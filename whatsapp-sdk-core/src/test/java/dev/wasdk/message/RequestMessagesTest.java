package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Location requests, call permission requests and address messages. */
class RequestMessagesTest {
  private static AddressMessage.Builder address() {
    return to().address().body("Where to?").country("IN");
  }

  @Test
  void locationRequest_blankBody_namesBody() {
    assertInvalid(() -> to().locationRequest(""), "interactive.body.text", "0 characters");
  }

  @Test
  void locationRequest_bodyTooLong_namesBody() {
    assertInvalid(
        () -> to().locationRequest("b".repeat(1025)), "interactive.body.text", "1025 characters");
  }

  @Test
  void callPermissionRequest_bodyTooLong_namesBody() {
    assertInvalid(
        () -> to().callPermissionRequest("b".repeat(1025)),
        "interactive.body.text",
        "1025 characters");
  }

  @Test
  void address_noCountry_namesCountry() {
    assertInvalid(
        () -> to().address().body("b").build(), "interactive.action.parameters.country", "missing");
  }

  @Test
  void address_lowerCaseCountry_namesCountry() {
    assertInvalid(
        () -> to().address().body("b").country("in").build(),
        "interactive.action.parameters.country",
        "2 characters");
  }

  @Test
  void address_pinCodeTooLong_namesIt() {
    assertInvalid(
        () -> address().value("in_pin_code", "5600011").build(),
        "interactive.action.parameters.values.in_pin_code",
        "7 characters");
  }

  @Test
  void address_savedPinCodeTooLong_namesIt() {
    assertInvalid(
        () -> address().savedAddress("a", Map.of("in_pin_code", "1234567")).build(),
        "interactive.action.parameters.saved_addresses[0].value.in_pin_code",
        "7 characters");
  }

  @Test
  void address_duplicateSavedAddressIds_namesTheSecond() {
    assertInvalid(
        () ->
            address()
                .savedAddress("home", Map.of("city", "A"))
                .savedAddress("home", Map.of("city", "B"))
                .build(),
        "interactive.action.parameters.saved_addresses[1].id",
        "a duplicate of interactive.action.parameters.saved_addresses[0].id");
  }

  @Test
  void address_headerTooLong_namesHeaderText() {
    assertInvalid(
        () -> address().header("h".repeat(61)).build(), "interactive.header.text", "61 characters");
  }

  @Test
  void address_toBuilder_roundTrips() {
    AddressMessage m =
        address()
            .footer("f")
            .value("city", "Pune")
            .savedAddress("a", Map.of("city", "Pune"))
            .validationError("city", "?")
            .build();

    assertThat(m.toBuilder().build()).isEqualTo(m);
  }

  @Test
  void envelope_callbackDataTooLong_namesIt() {
    assertInvalid(
        () -> to().bizOpaqueCallbackData("d".repeat(513)).text("Hi"),
        "biz_opaque_callback_data",
        "513 characters");
  }
}

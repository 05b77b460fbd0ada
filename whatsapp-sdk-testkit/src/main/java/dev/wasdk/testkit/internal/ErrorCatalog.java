package dev.wasdk.testkit.internal;

import java.util.Map;

/**
 * The error codes the simulator produces, with Meta's title, the HTTP status Meta's error-code page
 * lists, and the usual {@code details} text. Source: <a
 * href="https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes">Error
 * codes</a>.
 */
public final class ErrorCatalog {
  /** One code's title, HTTP status and default details. */
  public record Entry(String title, int httpStatus, String details) {}

  private static final Map<Integer, Entry> ENTRIES =
      Map.ofEntries(
          Map.entry(
              2,
              new Entry(
                  "Service temporarily unavailable",
                  503,
                  "Service temporarily unavailable due to downtime or overload.")),
          Map.entry(
              4,
              new Entry(
                  "Application request limit reached",
                  400,
                  "The app has reached its API call rate limit.")),
          Map.entry(100, new Entry("Invalid parameter", 400, "Invalid parameter.")),
          Map.entry(
              130429,
              new Entry("Rate limit hit", 400, "Cloud API message throughput has been reached.")),
          Map.entry(
              131000,
              new Entry(
                  "Something went wrong",
                  500,
                  "Message failed to send due to an unknown error. Try again.")),
          Map.entry(
              131008,
              new Entry("Required parameter is missing", 400, "A required parameter is missing.")),
          Map.entry(
              131009,
              new Entry(
                  "Parameter value is not valid",
                  400,
                  "One or more parameter values are invalid.")),
          Map.entry(
              131016,
              new Entry(
                  "Service unavailable", 500, "A service is temporarily unavailable. Try again.")),
          Map.entry(
              131021,
              new Entry(
                  "Recipient cannot be sender",
                  400,
                  "Sender and recipient phone number is the same.")),
          Map.entry(
              131026,
              new Entry(
                  "Message undeliverable",
                  400,
                  "Unable to deliver message. The recipient may not be a WhatsApp user, may not"
                      + " have accepted the terms of service, or may use an old WhatsApp"
                      + " version.")),
          Map.entry(
              131031,
              new Entry(
                  "Account has been locked",
                  403,
                  "The business account has been restricted or disabled.")),
          Map.entry(
              131047,
              new Entry(
                  "Re-engagement message",
                  400,
                  "Message failed to send because more than 24 hours have passed since the"
                      + " customer last replied to this number.")),
          Map.entry(
              131048,
              new Entry(
                  "Spam rate limit hit",
                  400,
                  "Message failed to send because there are restrictions on how many messages"
                      + " can be sent from this phone number.")),
          Map.entry(
              131049,
              new Entry(
                  "This message was not delivered to maintain healthy ecosystem engagement.",
                  400,
                  "In order to maintain a healthy ecosystem engagement, the message failed to be"
                      + " delivered.")),
          Map.entry(
              131050,
              new Entry(
                  "Unable to deliver the message. This recipient has chosen to stop receiving"
                      + " marketing messages on WhatsApp from your business.",
                  400,
                  "The user stopped marketing messages from this business.")),
          Map.entry(
              131053,
              new Entry(
                  "Media upload error", 400, "Unable to upload the media used in the message.")),
          Map.entry(
              131056,
              new Entry(
                  "(Business Account, Consumer Account) pair rate limit hit",
                  400,
                  "Message failed to send because there were too many messages sent from this"
                      + " phone number to the same phone number in a short period of time.")),
          Map.entry(
              131057,
              new Entry(
                  "Account in maintenance mode",
                  500,
                  "The business account is in maintenance mode. Try again in a minute.")),
          Map.entry(
              132000,
              new Entry(
                  "Number of parameters does not match the expected number of params",
                  400,
                  "The number of parameters does not match the template.")),
          Map.entry(
              132001,
              new Entry(
                  "Template name does not exist in the translation",
                  404,
                  "The template does not exist in this language or is not approved.")),
          Map.entry(
              132012,
              new Entry(
                  "Parameter format does not match format in the created template",
                  400,
                  "The parameters do not use the template's parameter format.")),
          Map.entry(
              132015,
              new Entry("Template is Paused", 400, "The template is paused due to low quality.")),
          Map.entry(
              132016,
              new Entry(
                  "Template is Disabled",
                  400,
                  "The template has been paused too many times and is disabled.")),
          Map.entry(
              139100,
              new Entry(
                  "Failed to block/unblock users",
                  400,
                  "One or more users could not be blocked or unblocked.")),
          Map.entry(
              368,
              new Entry(
                  "Temporarily blocked for policies violations",
                  403,
                  "The business account is temporarily blocked for policy violations.")),
          Map.entry(
              80007,
              new Entry(
                  "Rate limit issues",
                  400,
                  "The WhatsApp Business Account has reached its rate limit.")));

  private ErrorCatalog() {}

  /** Returns the entry for a code, or a generic one for codes not listed. */
  public static Entry entry(int code) {
    Entry e = ENTRIES.get(code);
    return e != null ? e : new Entry("Error", 400, "Error " + code + ".");
  }

  /** Returns whether the catalog lists the code. */
  public static boolean knows(int code) {
    return ENTRIES.containsKey(code);
  }
}

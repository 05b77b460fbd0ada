// tag::hello[]
package com.example;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.testkit.WhatsAppSimulator;

/** Sends a first message to a local WhatsApp simulator: no Meta account, no credentials. */
public class Hello {
  public static void main(String[] args) {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start(); // a local Cloud API, no credentials
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .build()) {
      sim.userSends("+16505551234", "Hi!"); // the user writes first: the 24-hour window opens

      SendResult sent = wa.messages().send(Message.to("+16505551234").text("Hello from wasdk"));
      System.out.println("accepted as " + sent.wamid());
      System.out.println("on the wire: " + sim.sentMessages().get(0).json());
    }
  }
}
// end::hello[]

package dev.wasdk.spring.internal;

import dev.wasdk.spring.WhatsAppConfigurationException;
import dev.wasdk.spring.WhatsAppProperties;
import dev.wasdk.testkit.StandaloneSimulator;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The starter's development mode: starts the embedded simulator, puts its settings into {@link
 * WhatsAppProperties}, and tells it where the webhook endpoint listens.
 */
public final class DevelopmentSimulator {
  private static final Logger log = LoggerFactory.getLogger(DevelopmentSimulator.class);

  /** The verify token used when none is set; the simulator never asks for it. */
  static final String VERIFY_TOKEN = "simulator-verify-token";

  private DevelopmentSimulator() {}

  /** Starts the simulator on {@code wasdk.simulator.port} and warns that it is on. */
  public static WhatsAppSimulator start(Environment environment) {
    int port = environment.getProperty("wasdk.simulator.port", Integer.class, 0);
    if (port < 0 || port > 65535) {
      throw new WhatsAppConfigurationException(
          "wasdk.simulator.port", "must be 0 to 65535 (0 picks a free port), but was " + port);
    }
    WhatsAppSimulator sim = WhatsAppSimulator.builder().port(port).start();
    log.warn(
        "wasdk.simulator.enabled=true: DEVELOPMENT MODE. Messages go to an embedded WhatsApp"
            + " simulator at {}, not to WhatsApp, and its credentials replace the wasdk.*"
            + " ones. Never enable this in production.",
        sim.baseUrl());
    if (System.console() != null) {
      // Only on a terminal: elsewhere standard input may belong to someone else (a test runner).
      StandaloneSimulator.startConsole(sim, () -> log.warn("Simulator console closed"));
      log.warn("Type 'say +16505551234 Hello' to write to the application as a user");
    }
    return sim;
  }

  /** Returns a post-processor that puts the simulator's settings into the bound properties. */
  public static BeanPostProcessor settingsOverride(ObjectProvider<WhatsAppSimulator> simulator) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof WhatsAppProperties p) {
          apply(simulator.getObject(), p);
        }
        return bean;
      }
    };
  }

  static void apply(WhatsAppSimulator sim, WhatsAppProperties p) {
    p.setBaseUrl(sim.baseUrl());
    p.setAccessToken(sim.accessToken());
    p.setPhoneNumberId(sim.phoneNumberId());
    p.setWabaId(sim.wabaId());
    p.setAppSecret(sim.appSecret());
    p.setPreviousAppSecret(null);
    String verifyToken = p.getVerifyToken();
    if (verifyToken == null || verifyToken.isBlank() || verifyToken.contains("${")) {
      p.setVerifyToken(VERIFY_TOKEN);
    }
  }

  /** Sends the simulator's webhooks to the application's endpoint once the web server runs. */
  public static final class WebhookTarget
      implements ApplicationListener<WebServerInitializedEvent> {
    private final WhatsAppSimulator sim;
    private final Environment environment;

    /** Creates the listener. */
    public WebhookTarget(WhatsAppSimulator sim, Environment environment) {
      this.sim = sim;
      this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
      if (event.getApplicationContext().getServerNamespace() != null) {
        return; // a management server, not the application's own
      }
      URI target = target(event.getWebServer().getPort());
      sim.deliverWebhooksTo(target);
      log.warn("The WhatsApp simulator posts signed webhooks to {}", target);
    }

    URI target(int port) {
      String contextPath = trimSlash(environment.getProperty("server.servlet.context-path", ""));
      String servletPath = trimSlash(environment.getProperty("spring.mvc.servlet.path", ""));
      String path = environment.getProperty("wasdk.webhook.path", "/webhooks/whatsapp");
      return URI.create("http://127.0.0.1:" + port + contextPath + servletPath + path);
    }

    private static String trimSlash(String s) {
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
  }
}

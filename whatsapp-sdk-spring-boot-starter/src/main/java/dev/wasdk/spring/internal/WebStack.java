package dev.wasdk.spring.internal;

import dev.wasdk.spring.WhatsAppConfigurationException;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Tells whether the application can serve the webhook endpoint: a servlet web application with
 * Spring MVC, or a reactive one with Spring WebFlux. Found by class name, so the check runs in
 * applications without the web stack.
 */
public final class WebStack {
  private static final String DISPATCHER_SERVLET =
      "org.springframework.web.servlet.DispatcherServlet";
  private static final String WEB_APPLICATION_CONTEXT =
      "org.springframework.web.context.WebApplicationContext";

  private static final String DISPATCHER_HANDLER =
      "org.springframework.web.reactive.DispatcherHandler";
  private static final String REACTIVE_WEB_APPLICATION_CONTEXT =
      "org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext";

  private WebStack() {}

  /**
   * Fails, naming {@code wasdk.webhook.enabled} and what to do, unless the context is a servlet web
   * application with Spring MVC on the class path.
   */
  public static void requireServletMvc(ApplicationContext context) {
    ClassLoader loader = context.getClassLoader();
    boolean mvc = ClassUtils.isPresent(DISPATCHER_SERVLET, loader);
    boolean servletContext = mvc && isWebContext(context, loader);
    if (servletContext) {
      return;
    }
    if (ClassUtils.isPresent(DISPATCHER_HANDLER, loader)
        && isContext(context, loader, REACTIVE_WEB_APPLICATION_CONTEXT)) {
      return; // served by the WebFlux controller
    }
    String why =
        mvc
            ? "this application does not run as a servlet web application"
                + " (spring.main.web-application-type), so nothing would serve it"
            : "Spring MVC is not on the class path, so nothing would serve it and the application"
                + " would receive no webhooks";
    throw new WhatsAppConfigurationException(
        "wasdk.webhook.enabled",
        "is true (the default), so the starter creates the webhook endpoint, but "
            + why
            + ". Add the dependency org.springframework.boot:spring-boot-starter-webmvc (or"
            + " spring-boot-starter-webflux in a reactive application), or set"
            + " wasdk.webhook.enabled=false in an application that only sends (or that serves"
            + " its own WebhookEndpoint bean)");
  }

  private static boolean isWebContext(ApplicationContext context, ClassLoader loader) {
    return isContext(context, loader, WEB_APPLICATION_CONTEXT);
  }

  private static boolean isContext(ApplicationContext context, ClassLoader loader, String type) {
    try {
      return ClassUtils.forName(type, loader).isInstance(context);
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}

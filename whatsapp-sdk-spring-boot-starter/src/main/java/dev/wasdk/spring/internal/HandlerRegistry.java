package dev.wasdk.spring.internal;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.conversations.ConversationRouter;
import dev.wasdk.conversations.Filter;
import dev.wasdk.conversations.Filters;
import dev.wasdk.conversations.Replier;
import dev.wasdk.conversations.ReplyContext;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.spring.WhatsAppHandler;
import dev.wasdk.webhooks.event.MessageReceived;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Finds {@link WhatsAppHandler} methods on beans as they are created and, once every singleton is
 * ready, builds one {@link ConversationRouter} over them. A method with a wrong signature fails the
 * start with a message naming it. Thread-safe once built.
 */
public final class HandlerRegistry implements BeanPostProcessor, SmartInitializingSingleton {
  private record Handler(
      Object bean, Method method, WhatsAppHandler spec, int order, boolean withContext) {}

  private final ObjectProvider<MessageSender> sender;
  private final ObjectProvider<WhatsAppClient> client;
  private final List<Handler> handlers = new ArrayList<>();
  private volatile ConversationRouter router;

  /**
   * Creates the registry.
   *
   * @param sender the pacing sender
   * @param client the client
   */
  public HandlerRegistry(
      ObjectProvider<MessageSender> sender, ObjectProvider<WhatsAppClient> client) {
    this.sender = sender;
    this.client = client;
  }

  @Override
  public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
    Class<?> type = AopUtils.getTargetClass(bean);
    Method[] methods = type.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method m : methods) {
      WhatsAppHandler spec = m.getAnnotation(WhatsAppHandler.class);
      if (spec != null) {
        handlers.add(new Handler(bean, m, spec, handlers.size(), check(m, beanName)));
      }
    }
    return bean;
  }

  private static boolean check(Method m, String beanName) {
    Class<?>[] p = m.getParameterTypes();
    boolean ok =
        !Modifier.isStatic(m.getModifiers())
            && (p.length == 1 || p.length == 2 && p[1] == ReplyContext.class)
            && p.length >= 1
            && MessageReceived.class.isAssignableFrom(p[0]);
    if (!ok) {
      throw new IllegalStateException(
          "@WhatsAppHandler method "
              + beanName
              + "."
              + m.getName()
              + " must be a public instance method taking a MessageReceived (or one of its"
              + " kinds) and optionally a ReplyContext");
    }
    return p.length == 2;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<Handler> all;
    synchronized (this) {
      all = List.copyOf(handlers);
    }
    if (all.isEmpty()) {
      return;
    }
    MessageSender s = sender.getObject();
    WhatsAppClient c = client.getIfAvailable();
    Replier replier = c != null ? Replier.of(s, c) : Replier.of(s);
    ConversationRouter.Builder b = ConversationRouter.builder().replier(replier);
    for (Handler h : all) {
      add(b, h);
    }
    this.router = b.build();
  }

  @SuppressWarnings("unchecked")
  private static <E extends MessageReceived> void add(ConversationRouter.Builder b, Handler h) {
    Class<E> type = (Class<E>) h.method().getParameterTypes()[0];
    BiConsumer<E, ReplyContext> call =
        (event, ctx) ->
            invoke(h, h.withContext() ? new Object[] {event, ctx} : new Object[] {event});
    b.onMessage(h.spec().priority(), type, filter(h.spec()), call);
  }

  private static Filter<MessageReceived> filter(WhatsAppHandler spec) {
    Filter<MessageReceived> f = Filter.any();
    if (spec.keyword().length > 0) {
      f = f.and(Filters.keyword(spec.keyword()));
    }
    if (spec.replyId().length > 0) {
      f = f.and(Filters.replyId(spec.replyId()));
    }
    if (!spec.textMatches().isEmpty()) {
      f = f.and(Filters.textMatches(spec.textMatches()));
    }
    return f;
  }

  private static void invoke(Handler h, Object[] args) {
    try {
      h.method().invoke(h.bean(), args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(
          "@WhatsAppHandler " + h.method().getName() + " failed", cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "@WhatsAppHandler " + h.method().getName() + " is not accessible", e);
    }
  }

  /**
   * Routes a message to the first matching handler; nothing happens when there is none.
   *
   * @param message the message
   */
  public void dispatch(MessageReceived message) {
    ConversationRouter r = router;
    if (r != null) {
      r.dispatch(message);
    }
  }

  /** Returns how many handler methods were found. */
  public synchronized int size() {
    return handlers.size();
  }
}

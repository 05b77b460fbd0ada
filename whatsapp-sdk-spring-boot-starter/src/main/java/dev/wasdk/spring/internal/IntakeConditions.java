package dev.wasdk.spring.internal;

import dev.wasdk.spring.WhatsAppProperties.Dispatch;
import dev.wasdk.spring.WhatsAppWebhookIntakeProperties.DedupeStore;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on the webhook intake's choices, read with Spring Boot's relaxed binding so that
 * {@code redis-stream}, {@code REDIS_STREAM} and {@code redisStream} all match. A value that does
 * not bind does not match here; binding the properties reports it.
 */
public final class IntakeConditions {
  private static final String DISPATCH = "wasdk.webhook.dispatch";
  private static final String STORE = "wasdk.webhook.dedupe.store";

  private IntakeConditions() {}

  static Dispatch dispatch(ConditionContext context) {
    try {
      return Binder.get(context.getEnvironment())
          .bind(DISPATCH, Dispatch.class)
          .orElse(Dispatch.SYNCHRONOUS);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static DedupeStore store(ConditionContext context) {
    try {
      return Binder.get(context.getEnvironment())
          .bind(STORE, DedupeStore.class)
          .orElse(DedupeStore.MEMORY);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Matches {@code wasdk.webhook.dispatch=queued} (or its earlier name {@code async}). */
  public static final class QueuedDispatch extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      Dispatch d = dispatch(context);
      return new ConditionOutcome(
          d == Dispatch.QUEUED || d == Dispatch.ASYNC, DISPATCH + " is " + d);
    }
  }

  /** Matches {@code wasdk.webhook.dispatch=redis-stream}. */
  public static final class RedisStreamDispatch extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      Dispatch d = dispatch(context);
      return new ConditionOutcome(d == Dispatch.REDIS_STREAM, DISPATCH + " is " + d);
    }
  }

  /** Matches {@code wasdk.webhook.dedupe.store=redis}. */
  public static final class RedisStore extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      DedupeStore s = store(context);
      return new ConditionOutcome(s == DedupeStore.REDIS, STORE + " is " + s);
    }
  }

  /** Matches {@code wasdk.webhook.dedupe.store=jdbc}. */
  public static final class JdbcStore extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      DedupeStore s = store(context);
      return new ConditionOutcome(s == DedupeStore.JDBC, STORE + " is " + s);
    }
  }

  /** Matches a de-duplication store other than memory. */
  public static final class SharedStore extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      DedupeStore s = store(context);
      return new ConditionOutcome(s != null && s != DedupeStore.MEMORY, STORE + " is " + s);
    }
  }

  /** Matches when the store is Redis or the dispatch is a Redis stream. */
  public static final class UsesRedis extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      DedupeStore s = store(context);
      Dispatch d = dispatch(context);
      return new ConditionOutcome(
          s == DedupeStore.REDIS || d == Dispatch.REDIS_STREAM,
          STORE + " is " + s + ", " + DISPATCH + " is " + d);
    }
  }
}

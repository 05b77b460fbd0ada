/** OpenTelemetry spans for wasdk, built on the observation seam of the core module. */
module dev.wasdk.opentelemetry {
  requires transitive dev.wasdk.core;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports dev.wasdk.opentelemetry;
}

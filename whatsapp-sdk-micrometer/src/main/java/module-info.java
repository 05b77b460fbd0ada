/** Micrometer meters for wasdk, built on the observation seam of the core module. */
module dev.wasdk.micrometer {
  requires transitive dev.wasdk.core;
  requires transitive micrometer.core;

  exports dev.wasdk.micrometer;
}

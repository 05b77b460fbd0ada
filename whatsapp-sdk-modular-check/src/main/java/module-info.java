/**
 * A small modular application: it compiles and runs on the module path against wasdk's exported
 * packages only, so a split package, a missing export or a missing {@code requires} in wasdk's
 * modules fails this build.
 */
module dev.wasdk.modular {
  requires dev.wasdk.core;
  requires dev.wasdk.webhooks;
  requires dev.wasdk.testkit;
}

package dev.wasdk.sender;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions decided while a lock was held (sends, future completions, listener calls, store
 * releases), run in order once it is released. Not thread-safe: one per decision.
 */
final class Effects {
  private static final Logger LOG = LoggerFactory.getLogger(Effects.class);
  private final List<Runnable> actions = new ArrayList<>(4);

  void add(Runnable action) {
    actions.add(action);
  }

  /** Runs every action; one that throws is logged and the rest still run. */
  void run() {
    for (int i = 0; i < actions.size(); i++) {
      try {
        actions.get(i).run();
      } catch (RuntimeException ex) {
        LOG.warn("a sender action failed", ex);
      }
    }
    actions.clear();
  }
}

package dev.wasdk.sender;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs work on many threads released at once, for the store contracts. */
final class StoreContractSupport {
  private StoreContractSupport() {}

  /** A piece of work for thread number {@code thread}. */
  interface Work<T> {
    T run(int thread) throws Exception;
  }

  /**
   * Runs {@code work} on {@code threads} threads that start together, and returns each thread's
   * result in thread order; fails if any thread fails or all do not finish within a minute.
   */
  static <T> List<T> onManyThreads(int threads, Work<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        Callable<T> task =
            () -> {
              go.await();
              return work.run(thread);
            };
        futures.add(pool.submit(task));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}

package dev.fragkit.telemetry.health;

import dev.fragkit.telemetry.time.MonotonicClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * Asks ordered providers for a value until one answers within its own timeout (the seed's
 * text-to-speech chain: primary engine, then backups). A provider that throws, returns null or
 * exceeds its timeout (it is then interrupted) is skipped. Each call reports which provider
 * answered and what happened to the ones before it; counts per provider are kept.
 *
 * <p>Thread-safe. Providers run on the chain's executor; {@link #close()} shuts down an executor the
 * chain created itself.
 *
 * @param <T> the value type
 */
public final class FallbackChain<T> implements AutoCloseable {

  /** How one provider's attempt ended. */
  public enum Outcome {
    ANSWERED,
    FAILED,
    TIMED_OUT
  }

  /**
   * One provider's attempt.
   *
   * @param provider its name
   * @param outcome what happened
   * @param elapsed how long it took (up to the timeout)
   * @param error the failure, null if it answered or timed out
   */
  public record Attempt(String provider, Outcome outcome, Duration elapsed, @Nullable Throwable error) {}

  /**
   * A successful call.
   *
   * @param value the answer
   * @param provider who answered
   * @param index its position in the chain (0 = primary)
   * @param attempts every attempt of this call, the answering one last
   */
  public record Result<T>(T value, String provider, int index, List<Attempt> attempts) {
    public Result {
      attempts = List.copyOf(attempts);
    }
  }

  private record Provider<T>(String name, Callable<? extends T> call, Duration timeout) {}

  private final String name;
  private final List<Provider<T>> providers;
  private final ExecutorService executor;
  private final boolean ownsExecutor;
  private final MonotonicClock clock;
  private final AtomicLongArray answered;

  private FallbackChain(Builder<T> b) {
    this.name = b.name;
    this.providers = List.copyOf(b.providers);
    this.clock = b.clock;
    if (b.executor == null) {
      AtomicInteger n = new AtomicInteger();
      this.executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fragkit-telemetry-fallback-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      this.ownsExecutor = true;
    } else {
      this.executor = b.executor;
      this.ownsExecutor = false;
    }
    this.answered = new AtomicLongArray(providers.size());
  }

  public static <T> Builder<T> builder(String name) {
    return new Builder<>(name);
  }

  /**
   * Asks each provider in order.
   *
   * @throws AllProvidersFailedException if none answered
   */
  public Result<T> get() {
    List<Attempt> attempts = new ArrayList<>();
    for (int i = 0; i < providers.size(); i++) {
      Provider<T> p = providers.get(i);
      long t0 = clock.nanoTime();
      Future<? extends T> f = executor.submit(p.call());
      try {
        T v = f.get(p.timeout().toNanos(), TimeUnit.NANOSECONDS);
        Duration took = Duration.ofNanos(clock.nanoTime() - t0);
        if (v == null) {
          attempts.add(new Attempt(p.name(), Outcome.FAILED, took,
              new IllegalStateException("provider " + p.name() + " returned null")));
          continue;
        }
        attempts.add(new Attempt(p.name(), Outcome.ANSWERED, took, null));
        answered.incrementAndGet(i);
        return new Result<>(v, p.name(), i, attempts);
      } catch (TimeoutException e) {
        f.cancel(true);
        attempts.add(new Attempt(p.name(), Outcome.TIMED_OUT, Duration.ofNanos(clock.nanoTime() - t0), null));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        attempts.add(new Attempt(p.name(), Outcome.FAILED, Duration.ofNanos(clock.nanoTime() - t0), cause));
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for provider " + p.name(), e);
      }
    }
    throw new AllProvidersFailedException(name, attempts);
  }

  /** How many calls each provider answered, in chain order. */
  public Map<String, Long> answeredCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < providers.size(); i++) {
      out.put(providers.get(i).name(), answered.get(i));
    }
    return out;
  }

  /** Shuts down the executor if the chain created it. Idempotent. */
  @Override
  public void close() {
    if (ownsExecutor) {
      executor.shutdownNow();
    }
  }

  /** Builds a {@link FallbackChain}. Not thread-safe. */
  public static final class Builder<T> {
    private final String name;
    private final List<Provider<T>> providers = new ArrayList<>();
    private @Nullable ExecutorService executor;
    private MonotonicClock clock = MonotonicClock.SYSTEM;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Appends a provider with its own timeout. */
    public Builder<T> provider(String providerName, Callable<? extends T> call, Duration timeout) {
      Objects.requireNonNull(providerName, "providerName");
      Objects.requireNonNull(call, "call");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout <= 0 for provider " + providerName + ": " + timeout);
      }
      for (Provider<T> p : providers) {
        if (p.name().equals(providerName)) {
          throw new IllegalArgumentException("duplicate provider name: " + providerName);
        }
      }
      providers.add(new Provider<>(providerName, call, timeout));
      return this;
    }

    /** Runs providers on {@code executor} (not shut down by the chain). */
    public Builder<T> executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    public Builder<T> clock(MonotonicClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @throws IllegalStateException without providers */
    public FallbackChain<T> build() {
      if (providers.isEmpty()) {
        throw new IllegalStateException("fallback chain " + name + " has no providers");
      }
      return new FallbackChain<>(this);
    }
  }
}

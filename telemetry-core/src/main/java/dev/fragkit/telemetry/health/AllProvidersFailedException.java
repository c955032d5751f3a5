package dev.fragkit.telemetry.health;

import dev.fragkit.telemetry.TelemetryException;
import java.util.List;

/**
 * Every provider of a {@link FallbackChain} failed or timed out. Each failure's cause is attached as
 * a suppressed exception; {@link #attempts()} lists them in order.
 *
 * <p>Immutable.
 */
public final class AllProvidersFailedException extends TelemetryException {
  private static final long serialVersionUID = 1L;
  private final transient List<FallbackChain.Attempt> attempts;

  public AllProvidersFailedException(String chain, List<FallbackChain.Attempt> attempts) {
    super("all " + attempts.size() + " providers of " + chain + " failed: " + summary(attempts));
    this.attempts = List.copyOf(attempts);
    for (FallbackChain.Attempt a : attempts) {
      if (a.error() != null) {
        addSuppressed(a.error());
      }
    }
  }

  private static String summary(List<FallbackChain.Attempt> attempts) {
    StringBuilder sb = new StringBuilder();
    for (FallbackChain.Attempt a : attempts) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(a.provider()).append('=').append(a.outcome());
    }
    return sb.toString();
  }

  public List<FallbackChain.Attempt> attempts() {
    return attempts;
  }
}

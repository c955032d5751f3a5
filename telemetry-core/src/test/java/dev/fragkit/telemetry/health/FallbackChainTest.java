package dev.fragkit.telemetry.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FallbackChainTest {
  private final CountDownLatch never = new CountDownLatch(1);
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private final CountDownLatch hangEnded = new CountDownLatch(1);
  private FallbackChain<String> chain;

  @AfterEach
  void close() {
    never.countDown();
    if (chain != null) {
      chain.close();
    }
  }

  private String hang() {
    try {
      never.await();
      return "late";
    } catch (InterruptedException e) {
      interrupted.set(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      hangEnded.countDown();
    }
  }

  @Test
  void primaryAnswers() {
    chain = FallbackChain.<String>builder("tts")
        .provider("primary", () -> "hello", Duration.ofSeconds(5))
        .provider("backup", () -> "unused", Duration.ofSeconds(5)).build();
    FallbackChain.Result<String> r = chain.get();
    assertThat(r.value()).isEqualTo("hello");
    assertThat(r.provider()).isEqualTo("primary");
    assertThat(r.index()).isZero();
    assertThat(chain.answeredCounts()).containsEntry("primary", 1L).containsEntry("backup", 0L);
  }

  @Test
  void failingAndHangingProvidersFallThroughInOrder() throws Exception {
    chain = FallbackChain.<String>builder("tts")
        .provider("cloud", () -> {
          throw new IOException("503");
        }, Duration.ofSeconds(5))
        .provider("slow", this::hang, Duration.ofMillis(50))
        .provider("nullish", () -> null, Duration.ofSeconds(5))
        .provider("local", () -> "espeak", Duration.ofSeconds(5)).build();

    FallbackChain.Result<String> r = chain.get();

    assertThat(r.value()).isEqualTo("espeak");
    assertThat(r.provider()).isEqualTo("local");
    assertThat(r.index()).isEqualTo(3);
    assertThat(r.attempts()).extracting(FallbackChain.Attempt::outcome).containsExactly(
        FallbackChain.Outcome.FAILED, FallbackChain.Outcome.TIMED_OUT, FallbackChain.Outcome.FAILED,
        FallbackChain.Outcome.ANSWERED);
    assertThat(r.attempts().get(0).error()).isInstanceOf(IOException.class).hasMessage("503");
    assertThat(r.attempts().get(1).elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(r.attempts().get(2).error()).hasMessage("provider nullish returned null");
    assertThat(hangEnded.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted).as("timed-out provider was interrupted").isTrue();
    assertThat(chain.answeredCounts()).containsEntry("local", 1L).containsEntry("cloud", 0L);
  }

  @Test
  void allFailingIsATypedErrorListingEveryAttempt() {
    chain = FallbackChain.<String>builder("tts")
        .provider("a", () -> {
          throw new IOException("down");
        }, Duration.ofSeconds(5))
        .provider("b", this::hang, Duration.ofMillis(20)).build();
    assertThatThrownBy(chain::get).isInstanceOf(AllProvidersFailedException.class)
        .hasMessage("all 2 providers of tts failed: a=FAILED, b=TIMED_OUT")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
  }

  @Test
  void builderValidates() {
    assertThatThrownBy(() -> FallbackChain.<String>builder("x").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("fallback chain x has no providers");
    assertThatThrownBy(() -> FallbackChain.<String>builder("x").provider("p", () -> "", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout <= 0 for provider p: PT0S");
    assertThatThrownBy(() -> FallbackChain.<String>builder("x").provider("p", () -> "", Duration.ofSeconds(1))
        .provider("p", () -> "", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate provider name: p");
  }
}

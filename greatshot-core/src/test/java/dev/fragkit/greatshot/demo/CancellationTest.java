package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.testsupport.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deadline, cancellation signal and interrupts stop the read at a record boundary. */
class CancellationTest {
  private static byte[] demo;

  @BeforeAll
  static void load() throws IOException {
    demo = Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84"));
  }

  /** A clock that advances 10 ms every time it is read (virtual time). */
  private static final class SteppingClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      now = now.plusMillis(10);
      return now;
    }
  }

  @Test
  void timeoutStopsTheReadWithATypedErrorAfterSomeRecords() {
    DemoReader reader = DemoReader.builder().clock(new SteppingClock()).timeout(Duration.ofSeconds(1)).build();
    CollectingListener events = new CollectingListener();

    assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(demo), "x.dm_84", events))
        .isInstanceOfSatisfying(DemoTimeoutException.class, e -> {
          // 1 s of 10 ms clock steps: about 100 record boundaries, far fewer than the 713 records
          assertThat(e.recordsRead()).isBetween(90, 110);
          assertThat(e.deadline()).isEqualTo(Instant.parse("2026-01-01T00:00:01.010Z"));
          assertThat(e.getMessage()).startsWith("deadline 2026-01-01T00:00:01.010Z passed at ");
        });
    assertThat(events.end()).get().extracting(DemoEnd::reason).isEqualTo(DemoEnd.Reason.ERROR);
  }

  @Test
  void cancellationSignalIsPolledPerRecord() {
    AtomicInteger polls = new AtomicInteger();
    DemoReader reader = DemoReader.builder().cancellation(() -> polls.incrementAndGet() > 50).build();

    assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(demo), "x.dm_84", DemoListener.NONE))
        .isInstanceOfSatisfying(DemoCancelledException.class, e -> {
          assertThat(e).isNotInstanceOf(DemoTimeoutException.class);
          assertThat(e.recordsRead()).isEqualTo(50);
          assertThat(e.getMessage()).startsWith("cancelled after 50 records");
        });
  }

  @Test
  void interruptStopsTheReadAndKeepsTheFlag() {
    DemoListener interruptAtFirstObituary = new DemoListener() {
      @Override
      public void onObituary(Obituary event) {
        Thread.currentThread().interrupt();
      }
    };
    try {
      assertThatThrownBy(() -> DemoReader.defaults().read(ByteBuffer.wrap(demo), "x.dm_84", interruptAtFirstObituary))
          .isInstanceOf(DemoCancelledException.class).hasMessageStartingWith("thread interrupted after ");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void listenerExceptionsPropagateUnchanged() {
    IllegalStateException boom = new IllegalStateException("boom");
    DemoListener failing = new DemoListener() {
      @Override
      public void onObituary(Obituary event) {
        throw boom;
      }
    };
    assertThatThrownBy(() -> DemoReader.defaults().read(ByteBuffer.wrap(demo), "x.dm_84", failing)).isSameAs(boom);
  }

  @Test
  void builderRejectsBadSettings() {
    assertThatThrownBy(() -> DemoReader.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout <= 0: PT0S");
    assertThatThrownBy(() -> DemoReader.builder().protocol(68))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("protocol must be 84 or 284: 68");
  }
}

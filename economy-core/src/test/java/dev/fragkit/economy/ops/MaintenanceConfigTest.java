package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MaintenanceConfigTest {
  @Test
  void defaultsMatchTheReferenceSchedule() {
    MaintenanceConfig c = MaintenanceConfig.defaults();
    assertThat(c.tick()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.escrowInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.reminderInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.reminderBatchSize()).isEqualTo(100);
    assertThat(c.reminderRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(c.healthInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(c.backupTime()).isEqualTo(LocalTime.of(3, 0));
    assertThat(c.backupZone()).isEqualTo(ZoneId.systemDefault());
    assertThat(c.leaseTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.backupLeaseTtl()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void toBuilderRoundTripsEverySetting() {
    MaintenanceConfig c = MaintenanceConfig.builder().tick(Duration.ofSeconds(5)).escrowInterval(Duration.ofSeconds(30))
        .reminderInterval(Duration.ofSeconds(20)).reminderBatchSize(7).reminderRetention(Duration.ofDays(2)).healthInterval(Duration.ofMinutes(30))
        .backupAt(LocalTime.of(4, 30), ZoneId.of("Europe/Berlin")).leaseTtl(Duration.ofMinutes(3))
        .backupLeaseTtl(Duration.ofHours(1)).build();
    assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString())
        .isEqualTo("MaintenanceConfig{tick=PT5S, escrowInterval=PT30S, reminderInterval=PT20S, reminderBatchSize=7,"
            + " reminderRetention=PT48H, healthInterval=PT30M, backupTime=04:30, backupZone=Europe/Berlin, leaseTtl=PT3M, backupLeaseTtl=PT1H}");
  }

  @Test
  void settersRejectTheirOwnBadValuesNamingTheSetting() {
    MaintenanceConfig.Builder b = MaintenanceConfig.builder();
    assertThatThrownBy(() -> b.tick(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tick <= 0: PT0S");
    assertThatThrownBy(() -> b.escrowInterval(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("escrowInterval <= 0: PT-1S");
    assertThatThrownBy(() -> b.reminderBatchSize(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reminderBatchSize not in 1..10000: 0");
    assertThatThrownBy(() -> b.reminderRetention(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reminderRetention <= 0: PT0S");
    assertThatThrownBy(() -> b.backupLeaseTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backupLeaseTtl <= 0: PT0S");
    assertThatThrownBy(() -> b.backupAt(null, ZoneId.systemDefault())).isInstanceOf(NullPointerException.class)
        .hasMessage("backupTime");
  }

  @Test
  void buildRejectsATickLongerThanAnInterval() {
    assertThatThrownBy(() -> MaintenanceConfig.builder().tick(Duration.ofMinutes(2)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("tick PT2M exceeds escrowInterval PT1M (MaintenanceConfig.tick must be <= every task interval)");
  }
}

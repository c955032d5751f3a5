package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupNamesTest {
  private static final Instant AT = Instant.parse("2026-03-04T05:06:07.089123Z");

  @Test
  void candidatesAreUtcMillisecondTimestampsWithTagAndCounter() {
    assertThat(BackupNames.candidate(AT, "", 0)).isEqualTo("2026-03-04T05-06-07-089Z");
    assertThat(BackupNames.candidate(AT, "-pre-restore", 2)).isEqualTo("2026-03-04T05-06-07-089Z-pre-restore-2");
    assertThatThrownBy(() -> BackupNames.candidate(AT, "", -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attempt < 0: -1");
  }

  @Test
  void namesSortByTimeAndTheTimestampIsReadBackIncludingPartials() {
    String earlier = BackupNames.candidate(AT, "", 0);
    String later = BackupNames.candidate(AT.plusMillis(1), "", 0);
    assertThat(earlier).isLessThan(later);
    assertThat(BackupNames.timestampOf(earlier + "-1" + BackupNames.PARTIAL)).contains(Instant.parse(
        "2026-03-04T05:06:07.089Z"));
    assertThat(BackupNames.timestampOf("manual-copy")).isEmpty();
    assertThat(BackupNames.timestampOf("2026-13-04T05-06-07-089Z")).isEmpty();
  }

  @Test
  void pathsPartialsAndOddCharactersAreNotBackupNames() {
    assertThat(BackupNames.check("2026-03-04T05-06-07-089Z-pre-restore")).isEqualTo("2026-03-04T05-06-07-089Z-pre-restore");
    for (String bad : new String[] {"../x", "a/b", "a\\b", "", ".hidden", "x.partial", "a b", "x..y"}) {
      assertThatThrownBy(() -> BackupNames.check(bad)).as(bad)
          .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.key()).contains(bad))
          .hasMessage("not a backup name (expected [A-Za-z0-9._-], no '..', not *.partial): " + bad);
    }
  }
}

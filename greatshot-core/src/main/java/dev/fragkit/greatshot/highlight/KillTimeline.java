package dev.fragkit.greatshot.highlight;

import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.demo.Team;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kills in a compact, index-addressed form for rules: stable-sorted by time, with each client's
 * enemy kills grouped in time order. Only {@linkplain Kill#enemyKill() enemy kills} are credited
 * to attackers: suicides, team kills and world kills never earn highlights, but every kill still
 * counts as its victim's death. Client numbers are 0..63.
 *
 * <p>Immutable and thread-safe.
 */
public final class KillTimeline {
  private static final int CLIENTS = 64;
  private static final Team[] TEAMS = Team.values();

  private final List<Kill> kills;
  private final int[] time;
  private final int[] attacker;
  private final int[] victim;
  private final boolean[] enemy;
  private final boolean[] head;
  private final byte[] attackerTeam; // Team ordinal, -1 for the world
  private final byte[] victimTeam;
  // Names by kill, for rules to read without touching the Kill objects: ids into a small table (int
  // arrays rather than String arrays, which G1 would make humongous reference arrays at this size).
  private final String[] names;
  private final int[] attackerName;
  private final int[] victimName;
  private final int[] groupStart; // CLIENTS + 1 offsets into grouped
  private final int[] grouped; // indexes of enemy kills, grouped by attacker, time order
  private final int[] groupedTime; // time of grouped[j], laid out for sequential scans
  private final boolean[] groupedHead; // headshot of grouped[j]
  private final byte[] groupedVictim; // victim of grouped[j]
  private final byte[] groupedVictimTeam; // victim's Team ordinal at grouped[j]
  private final int[] groupedName; // attacker name id at grouped[j]
  private final int[] groupedRunStart; // first position of the same-victim, same-victim-team run ending at j
  private final int[] attackerOrder; // clients with enemy kills, first-appearance order

  private KillTimeline(List<Kill> sorted) {
    this.kills = sorted;
    int n = sorted.size();
    time = new int[n];
    attacker = new int[n];
    victim = new int[n];
    enemy = new boolean[n];
    head = new boolean[n];
    attackerTeam = new byte[n];
    victimTeam = new byte[n];
    attackerName = new int[n];
    victimName = new int[n];
    NameIds ids = new NameIds();
    int[] counts = new int[CLIENTS + 1];
    int[] order = new int[CLIENTS];
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      Kill k = sorted.get(i);
      time[i] = k.timeMs();
      Integer a = k.attacker();
      attacker[i] = a == null ? -1 : checkClient(a, i);
      victim[i] = checkClient(k.victim(), i);
      enemy[i] = k.enemyKill();
      head[i] = Boolean.TRUE.equals(k.headshot());
      attackerTeam[i] = k.attackerTeam() == null ? -1 : (byte) k.attackerTeam().ordinal();
      victimTeam[i] = (byte) k.victimTeam().ordinal();
      attackerName[i] = ids.of(attacker[i] + 1, k.attackerName());
      victimName[i] = ids.of(victim[i] + 1 + CLIENTS, k.victimName());
      if (enemy[i]) {
        if (counts[attacker[i] + 1]++ == 0) {
          order[distinct++] = attacker[i];
        }
      }
    }
    attackerOrder = Arrays.copyOf(order, distinct);
    names = ids.table();
    groupStart = new int[CLIENTS + 1];
    for (int c = 0; c < CLIENTS; c++) {
      groupStart[c + 1] = groupStart[c] + counts[c + 1];
    }
    grouped = new int[groupStart[CLIENTS]];
    groupedTime = new int[grouped.length];
    groupedHead = new boolean[grouped.length];
    groupedVictim = new byte[grouped.length];
    groupedVictimTeam = new byte[grouped.length];
    groupedName = new int[grouped.length];
    groupedRunStart = new int[grouped.length];
    int[] fill = Arrays.copyOf(groupStart, CLIENTS);
    for (int i = 0; i < n; i++) {
      if (enemy[i]) {
        int j = fill[attacker[i]]++;
        grouped[j] = i;
        groupedTime[j] = time[i];
        groupedHead[j] = head[i];
        groupedVictim[j] = (byte) victim[i];
        groupedVictimTeam[j] = victimTeam[i];
        groupedName[j] = attackerName[i];
        boolean sameRun = j > groupStart[attacker[i]] && groupedVictim[j - 1] == groupedVictim[j]
            && groupedVictimTeam[j - 1] == groupedVictimTeam[j];
        groupedRunStart[j] = sameRun ? groupedRunStart[j - 1] : j;
      }
    }
  }

  /** A timeline of {@code kills}, stable-sorted by time. */
  public static KillTimeline of(List<Kill> kills) {
    List<Kill> sorted = new ArrayList<>(kills);
    sorted.sort(Comparator.comparingInt(Kill::timeMs));
    return new KillTimeline(List.copyOf(sorted));
  }

  private static int checkClient(int c, int i) {
    if (c < 0 || c >= CLIENTS) {
      throw new IllegalArgumentException("kill " + i + ": client number outside 0..63: " + c);
    }
    return c;
  }

  /** Number of kills. */
  public int size() {
    return time.length;
  }

  /** The kill at {@code i} (time order). */
  public Kill kill(int i) {
    return kills.get(i);
  }

  /** Server time of kill {@code i}. */
  public int time(int i) {
    return time[i];
  }

  /** Attacker of kill {@code i}, or −1 for the world. */
  public int attacker(int i) {
    return attacker[i];
  }

  /** Victim of kill {@code i}. */
  public int victim(int i) {
    return victim[i];
  }

  /** Whether kill {@code i} is an enemy kill (not a suicide, team kill or world kill). */
  public boolean enemyKill(int i) {
    return enemy[i];
  }

  /** Whether kill {@code i} is known to be a headshot. */
  public boolean headshot(int i) {
    return head[i];
  }

  /** Attacker's team at kill {@code i}, null for the world. */
  public @Nullable Team attackerTeam(int i) {
    return attackerTeam[i] < 0 ? null : TEAMS[attackerTeam[i]];
  }

  /** Victim's team at kill {@code i}. */
  public Team victimTeam(int i) {
    return TEAMS[victimTeam[i]];
  }

  /** Attacker's clean name at kill {@code i}. */
  public String attackerName(int i) {
    return names[attackerName[i]];
  }

  /** Victim's clean name at kill {@code i}. */
  public String victimName(int i) {
    return names[victimName[i]];
  }

  /** Clients that have enemy kills, in order of their first one. */
  public int[] attackers() {
    return attackerOrder.clone();
  }

  /** Number of enemy kills by {@code client}. */
  public int enemyKillCount(int client) {
    return groupStart[client + 1] - groupStart[client];
  }

  /** Index (into this timeline) of {@code client}'s {@code n}-th enemy kill, time order. */
  public int enemyKillOf(int client, int n) {
    return grouped[groupStart[client] + n];
  }

  int[] attackerOrderUnsafe() {
    return attackerOrder;
  }

  /**
   * First position of the run ending at grouped position {@code j} of its client's consecutive
   * enemy kills with the same victim and victim team.
   */
  int groupedRunStart(int j) {
    return groupedRunStart[j];
  }

  /** Position of {@code client}'s first enemy kill in the grouped arrays. */
  int groupStart(int client) {
    return groupStart[client];
  }

  /** Time of the grouped enemy kill at position {@code j}. */
  int groupedTime(int j) {
    return groupedTime[j];
  }

  /** Headshot flag of the grouped enemy kill at position {@code j}. */
  boolean groupedHead(int j) {
    return groupedHead[j];
  }

  /** Victim of the grouped enemy kill at position {@code j}. */
  int groupedVictim(int j) {
    return groupedVictim[j];
  }

  /** Victim's team ordinal of the grouped enemy kill at position {@code j}. */
  int groupedVictimTeam(int j) {
    return groupedVictimTeam[j];
  }

  /** Victim's team ordinal at kill {@code i}. */
  int victimTeamOrdinal(int i) {
    return victimTeam[i];
  }

  /** Attacker's team ordinal at kill {@code i}, −1 for the world. */
  int attackerTeamOrdinal(int i) {
    return attackerTeam[i];
  }

  /** Attacker's clean name at the grouped enemy kill at position {@code j}. */
  String groupedName(int j) {
    return names[groupedName[j]];
  }

  /** Timeline index of the grouped enemy kill at position {@code j}. */
  int groupedIndex(int j) {
    return grouped[j];
  }

  /**
   * Dense ids for names. A client's name rarely changes, so each (role, client) slot remembers the
   * last instance it saw and its id; only a new instance is looked up by value.
   */
  private static final class NameIds {
    private final String[] lastName = new String[2 * CLIENTS + 1];
    private final int[] lastId = new int[2 * CLIENTS + 1];
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> table = new ArrayList<>();

    int of(int slot, String name) {
      if (lastName[slot] == name) {
        return lastId[slot];
      }
      Integer id = ids.get(name);
      if (id == null) {
        id = table.size();
        ids.put(name, id);
        table.add(name);
      }
      lastName[slot] = name;
      lastId[slot] = id;
      return id;
    }

    String[] table() {
      return table.toArray(new String[0]);
    }
  }
}

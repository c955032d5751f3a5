package dev.fragkit.telemetry.proximity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes syntactically valid V6 tracker files with every section (test and benchmark fixture), and
 * single rows: {@link #randomRow} makes a seeded random typed record of a section whose values
 * survive the file format (decimals with the section's precision, names free of separators), and
 * {@link #format} writes a record as its line with the printf types of greatshot-reference.md §3.4,
 * so a parse of the line must give back an equal record.
 */
public final class ProximityFileGenerator {
  private static final String[] TEAMS = {"AXIS", "ALLIES"};
  private static final String[] CLASSES = {"SOLDIER", "MEDIC", "ENGINEER", "FIELDOPS", "COVERTOPS"};

  private ProximityFileGenerator() {}

  /** A V6.11 file declaring every capability, with {@code rowsPerSection} random rows in each of the 29 sections. */
  public static String generate(long seed, int rowsPerSection) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(rowsPerSection * 29 * 140);
    sb.append("# PROXIMITY_TRACKER_V6\n# map=supply\n# round=1\n# crossfire_window=1000\n")
        .append("# escape_time=5000\n# escape_distance=300\n# position_sample_interval=200\n")
        .append("# round_start_unix=1767225600\n# round_end_unix=1767226800\n")
        .append("# axis_spawn_interval=30000\n# allies_spawn_interval=20000\n")
        .append("# tracker_version_full=6.11\n# test_mode=0\n# capabilities=");
    boolean first = true;
    for (Section s : Section.values()) {
      if (s.capability().isPresent() && sb.indexOf(s.capability().get() + ":") < 0) {
        sb.append(first ? "" : ",").append(s.capability().get()).append(":1");
        first = false;
      }
    }
    sb.append('\n');
    for (Section s : Section.values()) {
      if (s != Section.ENGAGEMENTS) {
        sb.append('\n');
      }
      sb.append("# ").append(s.name()).append('\n').append("# ").append(String.join(";", s.columns())).append('\n');
      for (int i = 0; i < rowsPerSection; i++) {
        sb.append(format(randomRow(s, r, i))).append('\n');
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ random typed rows

  private static String guid(Random r) {
    return String.format(Locale.ROOT, "%08X", r.nextInt(12));
  }

  private static String name(Random r) {
    return "^" + r.nextInt(10) + "Pl_ayer" + r.nextInt(100);
  }

  private static String team(Random r) {
    return TEAMS[r.nextInt(2)];
  }

  /** A number with {@code decimals} digits after the point in [lo, hi]. */
  private static double dec(Random r, double lo, double hi, int decimals) {
    double scale = Math.pow(10, decimals);
    long k = Math.round(lo * scale) + (long) (r.nextDouble() * (hi - lo) * scale);
    return k / scale;
  }

  private static Position pos1(Random r) {
    return new Position(dec(r, -4000, 4000, 1), dec(r, -4000, 4000, 1), dec(r, -200, 200, 1));
  }

  private static Position intPos(Random r) {
    return new Position(r.nextInt(8000) - 4000, r.nextInt(8000) - 4000, r.nextInt(400) - 200);
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  public static ProximityRow randomRow(Section s, Random r, int i) {
    int t = i * 500 + r.nextInt(500);
    return switch (s) {
      case ENGAGEMENTS -> {
        boolean killed = r.nextBoolean();
        boolean cross = r.nextBoolean();
        String a1 = guid(r);
        String a2 = guid(r);
        Map<Integer, Integer> w = new LinkedHashMap<>();
        w.put(8, 1 + r.nextInt(5));
        if (r.nextBoolean()) {
          w.put(10, 1 + r.nextInt(5));
        }
        List<PathPoint> pts = List.of(new PathPoint(t, pos1(r), "start"),
            new PathPoint(t + 200, pos1(r), "hit"), new PathPoint(t + 1500, pos1(r), killed ? "death" : "escape"));
        List<Attacker> attackers = List.of(
            new Attacker(a1, "Killer", TEAMS[(i + 1) % 2], 100, 4, t + 200, t + 900, killed, w),
            new Attacker(a2, "Helper", TEAMS[(i + 1) % 2], 40, 1, t + 500, t + 500, false, Map.of()));
        yield new Engagement(i + 1, t, t + 1500, 1500, guid(r), name(r), TEAMS[i % 2],
            killed ? "killed" : "escaped", 140, killed ? a1 : null, killed ? "Killer" : null, 2, cross,
            cross ? 300 : null, cross ? List.of(a1, a2) : List.of(), pos1(r), pos1(r),
            dec(r, 0, 900, 1), pts, attackers);
      }
      case PLAYER_TRACKS -> {
        List<TrackPoint> path = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
          path.add(new TrackPoint(t + k * 200, pos1(r), k == 2 ? 0 : 100, dec(r, 0, 300, 1), 8,
              r.nextInt(3), r.nextBoolean(), k == 0 ? "spawn" : k == 2 ? "killed" : "sample"));
        }
        boolean died = r.nextBoolean();
        yield new PlayerTrack(guid(r), name(r), TEAMS[i % 2], CLASSES[i % 5], t, died ? t + 5000 : null,
            r.nextBoolean() ? t + 400 : null, died ? "killed" : null, path.size(), path);
      }
      case KILL_HEATMAP -> new KillHeatCell(r.nextInt(16) - 8, r.nextInt(16) - 8, r.nextInt(5), r.nextInt(5));
      case MOVEMENT_HEATMAP -> new MovementHeatCell(r.nextInt(16) - 8, r.nextInt(16) - 8, r.nextInt(50),
          r.nextInt(9), r.nextInt(3));
      case OBJECTIVE_FOCUS -> new ObjectiveFocus(guid(r), name(r), team(r),
          r.nextInt(4) == 0 ? null : "truck", dec(r, 0, 3000, 1), 200 * r.nextInt(100), r.nextInt(500));
      case REACTION_METRICS -> new ReactionMetric(i + 1, guid(r), name(r), team(r), CLASSES[i % 5],
          "killed", 2, r.nextBoolean() ? null : r.nextInt(900), r.nextBoolean() ? null : r.nextInt(5000),
          r.nextBoolean() ? null : r.nextInt(2000), t, t + 900, 900);
      case SPAWN_TIMING -> {
        int interval = 20000 + 10000 * r.nextInt(2);
        int next = r.nextInt(interval + 1);
        boolean reinf = r.nextBoolean();
        yield new SpawnTiming(guid(r), name(r), "AXIS", guid(r), name(r), "ALLIES", t, interval, next,
            Math.round(next * 1000.0 / interval) / 1000.0, reinf ? dec(r, 0, 30, 1) : null,
            reinf ? dec(r, 0, 30, 1) : null);
      }
      case TEAM_COHESION -> {
        int alive = 2 + r.nextInt(5);
        yield new TeamCohesion(t, team(r), alive, dec(r, -4000, 4000, 1), dec(r, -4000, 4000, 1),
            dec(r, 0, 1500, 1), dec(r, 0, 3000, 1), r.nextInt(alive + 1), guid(r), guid(r), dec(r, 0, 900, 1));
      }
      case CROSSFIRE_OPPORTUNITIES -> new CrossfireOpportunity(t, guid(r), name(r), team(r), guid(r),
          guid(r), dec(r, 45, 180, 1), r.nextBoolean(), r.nextInt(300));
      case FOCUS_FIRE -> new FocusFire(i + 1, guid(r), name(r), 3, List.of(guid(r), guid(r), guid(r)),
          r.nextInt(400), r.nextInt(4000), dec(r, 0, 1, 3));
      case TEAM_PUSHES -> new TeamPush(t, t + 3000, team(r), dec(r, 80, 300, 1), dec(r, -1, 1, 3),
          dec(r, -1, 1, 3), dec(r, 0.4, 1, 3), dec(r, 0, 1, 3), 2 + r.nextInt(4),
          pick(r, new String[] {"NO", "N/A", "truck"}));
      case TRADE_KILLS -> new TradeKill(t, t + 1200, 1200, guid(r), name(r), guid(r), name(r), guid(r), name(r));
      case REVIVES -> {
        boolean enemy = r.nextBoolean();
        boolean medic = r.nextInt(5) != 0;
        yield new Revive(t, medic ? guid(r) : null, medic ? name(r) : null, guid(r), name(r), pos1(r),
            enemy ? dec(r, 1, 3000, 1) : 0.0, enemy ? guid(r) : null, r.nextBoolean());
      }
      case WEAPON_ACCURACY -> {
        int shots = r.nextInt(200);
        yield new WeaponAccuracy(guid(r), name(r), team(r), r.nextInt(40), shots, r.nextInt(shots + 1),
            r.nextInt(5), r.nextInt(3));
      }
      case KILL_OUTCOME -> {
        boolean gibbed = r.nextBoolean();
        yield new KillOutcome(t, guid(r), name(r), guid(r), name(r), 8, gibbed ? "gibbed" : "revived",
            t + 2000, 2000, gibbed ? 9000 : 2000, gibbed ? guid(r) : null, gibbed ? name(r) : null,
            gibbed ? null : guid(r), gibbed ? null : name(r));
      }
      case HIT_REGIONS -> new HitRegion(t, guid(r), name(r), guid(r), name(r), r.nextInt(50),
          pick(r, BodyRegion.values()), 1 + r.nextInt(80));
      case COMBAT_POSITIONS -> {
        boolean extra = r.nextBoolean();
        yield new CombatPosition(t, "kill", guid(r), name(r), "AXIS", CLASSES[i % 5], guid(r), name(r),
            "ALLIES", CLASSES[(i + 1) % 5], intPos(r), intPos(r), r.nextInt(50), r.nextInt(60),
            extra ? r.nextInt(141) : null, extra ? r.nextInt(7) : null, extra ? r.nextInt(7) : null);
      }
      case SHOT_FIRED -> new ShotFired(t, guid(r), 8, r.nextInt(8000) - 4000, r.nextInt(8000) - 4000,
          r.nextInt(400) - 200, dec(r, -180, 180, 2), dec(r, -85, 85, 2));
      case AIM_LOCK -> {
        int samples = 1 + r.nextInt(10);
        int duration = 400 + r.nextInt(samples * 400 + 1);
        yield new AimLock(t, t + duration, duration, guid(r), name(r), team(r), guid(r), name(r),
            dec(r, 0, 10, 1), r.nextInt(3001), samples);
      }
      case SPAWN_SELECT -> new SpawnSelect(t, guid(r), name(r), team(r), r.nextInt(6), Math.max(0, t - 30000));
      case SKILL_SNAPSHOT -> new SkillSnapshot(guid(r), name(r), team(r), r.nextInt(5), r.nextInt(5),
          r.nextInt(5), r.nextInt(5), r.nextInt(5), r.nextInt(5), r.nextInt(5));
      case COMM_EVENTS -> {
        CommCommand c = pick(r, CommCommand.values());
        yield new CommEvent(t, guid(r), name(r), team(r), c, c.hasArg() ? "Medic" + r.nextInt(9) : null);
      }
      case CARRIER_EVENTS -> {
        CarrierOutcome o = pick(r, CarrierOutcome.values());
        boolean k = o == CarrierOutcome.KILLED;
        yield new CarrierEvent(guid(r), name(r), "ALLIES", "AXIS", t, t + 4000, 4000, o, dec(r, 0, 3000, 1),
            dec(r, 0, 2000, 1), dec(r, 0, 1, 3), r.nextInt(40), intPos(r), intPos(r), k ? guid(r) : null,
            k ? name(r) : null);
      }
      case CARRIER_KILLS -> new CarrierKill(t, guid(r), name(r), "ALLIES", guid(r), name(r), "AXIS",
          r.nextInt(60), dec(r, 0, 3000, 1), "AXIS");
      case CARRIER_RETURNS -> {
        int delay = r.nextInt(35001);
        yield new CarrierReturn(t + delay, guid(r), name(r), "AXIS", "AXIS", guid(r), t, delay, intPos(r));
      }
      case VEHICLE_PROGRESS -> new VehicleProgress("truck" + i, pick(r, new String[] {"escort", "tank"}),
          intPos(r), intPos(r), dec(r, 0, 9000, 1), 1500, r.nextInt(1700) - 200, r.nextInt(3));
      case ESCORT_CREDIT -> new EscortCredit(guid(r), name(r), team(r), "truck", r.nextInt(60000),
          r.nextInt(60000), dec(r, 0, 5000, 1), dec(r, 0, 5000, 1), 1 + r.nextInt(300));
      case CONSTRUCTION_EVENTS -> new ConstructionEvent(t, pick(r, ConstructionEventType.values()), guid(r),
          name(r), team(r), "bridge", intPos(r));
      case OBJECTIVE_RUNS -> {
        ObjectiveRunType type = pick(r, ObjectiveRunType.values());
        boolean denied = type == ObjectiveRunType.DENIED;
        int escorts = r.nextInt(3);
        List<String> esc = new ArrayList<>();
        for (int k = 0; k < escorts; k++) {
          esc.add(guid(r));
        }
        yield new ObjectiveRun(guid(r), name(r), team(r), denied ? "approach_killed" : "dynamite_plant",
            "bridge", t, r.nextInt(20000), dec(r, 0, 4000, 1), dec(r, 0, 3000, 1), dec(r, 0, 1, 3),
            r.nextInt(3), r.nextInt(3), esc, r.nextInt(5), escorts, type, intPos(r),
            denied ? guid(r) : null, denied ? name(r) : null);
      }
    };
  }

  // ------------------------------------------------------------------ writer

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String d(Position p) {
    return (long) p.x() + ";" + (long) p.y() + ";" + (long) p.z();
  }

  private static String e(Object v) {
    return v == null ? "" : v.toString();
  }

  private static String j(Object... fields) {
    return java.util.Arrays.stream(fields).map(ProximityFileGenerator::e).collect(Collectors.joining(";"));
  }

  /** The record as one data line, written as the Lua tracker does. */
  public static String format(ProximityRow row) {
    if (row instanceof Engagement x) {
        String positions = x.positions().stream().map(p -> p.time() + "," + f1(p.position().x()) + ","
            + f1(p.position().y()) + "," + f1(p.position().z()) + "," + p.event()).collect(Collectors.joining("|"));
        String attackers = x.attackers().stream().map(a -> a.guid() + "," + a.name() + "," + a.team() + ","
            + a.damage() + "," + a.hits() + "," + a.firstHit() + "," + a.lastHit() + "," + (a.gotKill() ? 1 : 0)
            + "," + (a.weapons().isEmpty() ? "0:0" : a.weapons().entrySet().stream()
                .map(w -> w.getKey() + ":" + w.getValue() + ";").collect(Collectors.joining())))
            .collect(Collectors.joining("|"));
        return j(x.id(), x.startTime(), x.endTime(), x.duration(), x.targetGuid(), x.targetName(), x.targetTeam(),
            x.outcome(), x.totalDamage(), x.killerGuid(), x.killerName(), x.numAttackers(), x.crossfire() ? 1 : 0,
            x.crossfireDelay(), String.join(",", x.crossfireParticipants()), f1(x.start().x()), f1(x.start().y()),
            f1(x.start().z()), f1(x.end().x()), f1(x.end().y()), f1(x.end().z()), f1(x.distanceTraveled()),
            positions, attackers);
          }
    if (row instanceof PlayerTrack x) {
      return j(x.guid(), x.name(), x.team(), x.playerClass(), x.spawnTime(),
          x.deathTime() == null ? 0 : x.deathTime(), x.firstMoveTime(),
          x.deathType() == null ? "unknown" : x.deathType(), x.samples(),
          x.path().stream().map(p -> p.time() + "," + f1(p.position().x()) + "," + f1(p.position().y()) + ","
              + f1(p.position().z()) + "," + p.health() + "," + f1(p.speed()) + "," + p.weapon() + ","
              + p.stance() + "," + (p.sprint() ? 1 : 0) + "," + p.event()).collect(Collectors.joining("|")));
    }
    if (row instanceof KillHeatCell x) {
      return j(x.gridX(), x.gridY(), x.axisKills(), x.alliesKills());
    }
    if (row instanceof MovementHeatCell x) {
      return j(x.gridX(), x.gridY(), x.traversal(), x.combat(), x.escape());
    }
    if (row instanceof ObjectiveFocus x) {
      return j(x.guid(), x.name(), x.team(), x.objective(), f1(x.avgDistance()),
          x.timeWithinRadiusMs(), x.samples());
    }
    if (row instanceof ReactionMetric x) {
      return j(x.engagementId(), x.targetGuid(), x.targetName(), x.targetTeam(),
          x.targetClass(), x.outcome(), x.numAttackers(), x.returnFireMs(), x.dodgeReactionMs(),
          x.supportReactionMs(), x.startTime(), x.endTime(), x.duration());
    }
    if (row instanceof SpawnTiming x) {
      return j(x.killerGuid(), x.killerName(), x.killerTeam(), x.victimGuid(), x.victimName(),
          x.victimTeam(), x.killTime(), x.enemySpawnIntervalMs(), x.timeToNextSpawnMs(), f3(x.spawnTimingScore()))
          + (x.killerReinfSec() == null ? "" : ";" + f1(x.killerReinfSec()) + ";" + f1(x.victimReinfSec()));
    }
    if (row instanceof TeamCohesion x) {
      return j(x.time(), x.team(), x.aliveCount(), f1(x.centroidX()), f1(x.centroidY()),
          f1(x.dispersion()), f1(x.maxSpread()), x.stragglerCount(), x.buddyGuid1() + "+" + x.buddyGuid2(),
          f1(x.buddyDistance()));
    }
    if (row instanceof CrossfireOpportunity x) {
      return j(x.time(), x.targetGuid(), x.targetName(), x.targetTeam(),
          x.teammate1Guid(), x.teammate2Guid(), f1(x.angularSeparation()), x.executed() ? 1 : 0,
          x.damageWithinWindow());
    }
    if (row instanceof FocusFire x) {
      return j(x.engagementId(), x.targetGuid(), x.targetName(), x.attackerCount(),
          String.join(",", x.attackerGuids()), x.totalDamage(), x.duration(), f3(x.focusScore()));
    }
    if (row instanceof TeamPush x) {
      return j(x.startTime(), x.endTime(), x.team(), f1(x.avgSpeed()), f3(x.directionX()),
          f3(x.directionY()), f3(x.alignment()), f3(x.pushQuality()), x.participants(), x.towardObjective());
    }
    if (row instanceof TradeKill x) {
      return j(x.originalKillTime(), x.tradedKillTime(), x.deltaMs(), x.originalVictimGuid(),
          x.originalVictimName(), x.originalKillerGuid(), x.originalKillerName(), x.traderGuid(), x.traderName());
    }
    if (row instanceof Revive x) {
      return j(x.time(), x.medicGuid(), x.medicName(), x.revivedGuid(), x.revivedName(),
          f1(x.position().x()), f1(x.position().y()), f1(x.position().z()), f1(x.distanceToEnemy()),
          x.nearestEnemyGuid(), x.underFire() ? 1 : 0);
    }
    if (row instanceof WeaponAccuracy x) {
      return j(x.guid(), x.name(), x.team(), x.weaponId(), x.shots(), x.hits(), x.kills(),
          x.headshots());
    }
    if (row instanceof KillOutcome x) {
      return j(x.killTime(), x.victimGuid(), x.victimName(), x.killerGuid(), x.killerName(),
          x.killMod(), x.outcome(), x.outcomeTime(), x.deltaMs(), x.effectiveDeniedMs(), x.gibberGuid(),
          x.gibberName(), x.reviverGuid(), x.reviverName());
    }
    if (row instanceof HitRegion x) {
      return j(x.time(), x.attackerGuid(), x.attackerName(), x.victimGuid(), x.victimName(),
          x.weapon(), x.region().ordinal(), x.damage());
    }
    if (row instanceof CombatPosition x) {
      return j(x.time(), x.event(), x.attackerGuid(), x.attackerName(), x.attackerTeam(),
          x.attackerClass(), x.victimGuid(), x.victimName(), x.victimTeam(), x.victimClass(), d(x.attacker()),
          d(x.victim()), x.weapon(), x.mod()) + (x.killerHealth() == null ? ""
          : ";" + j(x.killerHealth(), x.axisAlive(), x.alliesAlive()));
    }
    if (row instanceof ShotFired x) {
      return j(x.time(), x.guid(), x.weapon(), x.originX(), x.originY(), x.originZ(),
          f2(x.yaw()), f2(x.pitch()));
    }
    if (row instanceof AimLock x) {
      return j(x.startTime(), x.endTime(), x.durationMs(), x.guid(), x.name(), x.team(),
          x.targetGuid(), x.targetName(), f1(x.averageErrorDeg()), x.averageDistance(), x.samples());
    }
    if (row instanceof SpawnSelect x) {
      return j(x.time(), x.guid(), x.name(), x.team(), x.spawnIndex(), x.lastSpawnTime());
    }
    if (row instanceof SkillSnapshot x) {
      return j(x.guid(), x.name(), x.team(), x.battleSense(), x.engineering(), x.firstAid(),
          x.signals(), x.lightWeapons(), x.heavyWeapons(), x.covertOps());
    }
    if (row instanceof CommEvent x) {
      return j(x.time(), x.guid(), x.name(), x.team(), x.command().wireName(), x.arg());
    }
    if (row instanceof CarrierEvent x) {
      return j(x.carrierGuid(), x.carrierName(), x.carrierTeam(), x.flagTeam(), x.pickupTime(),
          x.dropTime(), x.durationMs(), x.outcome().wireName(), f1(x.carryDistance()), f1(x.beelineDistance()),
          f3(x.efficiency()), x.pathSamples(), d(x.pickup()), d(x.drop()), x.killerGuid(), x.killerName());
    }
    if (row instanceof CarrierKill x) {
      return j(x.killTime(), x.carrierGuid(), x.carrierName(), x.carrierTeam(), x.killerGuid(),
          x.killerName(), x.killerTeam(), x.meansOfDeath(), f1(x.carrierDistanceAtKill()), x.flagTeam());
    }
    if (row instanceof CarrierReturn x) {
      return j(x.returnTime(), x.returnerGuid(), x.returnerName(), x.returnerTeam(),
          x.flagTeam(), x.originalCarrierGuid(), x.dropTime(), x.returnDelayMs(), d(x.drop()));
    }
    if (row instanceof VehicleProgress x) {
      return j(x.vehicleName(), x.vehicleType(), d(x.start()), d(x.end()),
          f1(x.totalDistance()), x.maxHealth(), x.finalHealth(), x.destroyedCount());
    }
    if (row instanceof EscortCredit x) {
      return j(x.playerGuid(), x.playerName(), x.playerTeam(), x.vehicleName(),
          x.mountedTimeMs(), x.proximityTimeMs(), f1(x.totalEscortDistance()), f1(x.creditDistance()), x.samples());
    }
    if (row instanceof ConstructionEvent x) {
      return j(x.eventTime(), x.type().wireName(), x.playerGuid(), x.playerName(),
          x.playerTeam(), x.trackName(), d(x.position()));
    }
    if (row instanceof ObjectiveRun x) {
      return j(x.engineerGuid(), x.engineerName(), x.engineerTeam(), x.actionType(),
          x.trackName(), x.actionTime(), x.approachTimeMs(), f1(x.approachDistance()), f1(x.beelineDistance()),
          f3(x.pathEfficiency()), x.selfKills(), x.teamKills(), String.join("|", x.escortGuids()),
          x.enemiesNearby(), x.nearbyTeammates(), x.runType().wireName(), d(x.objective()), x.killerGuid(),
          x.killerName());
    }
    throw new IllegalArgumentException("unknown row type " + row.getClass());
  }
}

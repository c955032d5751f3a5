package dev.fragkit.greatshot.demo.internal;

import java.util.List;

/**
 * Delta field tables of protocol 84/284 (format doc §9.1, §9.2, §10.1): bit width per field in
 * wire order; 0 = float (integral-float coding), negative = sign-extended integer. Immutable.
 */
public final class FieldTables {
  private FieldTables() {}

  /** entityState_t, 71 fields. */
  static final int[] ENTITY_BITS = {
    8, 24, 8, 32, 32, 0, 0, 0, 0, 0, 0, 8, 32, 32, 0, 0, 0, 0, 0, 0, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    10, 10, 10, 8, 32, 32, 9, 9, 16, 8, 24, 10, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 16, 8, 10, 10, 10, 32, 32, 32, 8, 8,
    32, 32, 32, 4, 2,
  };

  /** playerState_t, 77 fields. */
  static final int[] PLAYER_BITS = {
    32, 8, 8, 16, -16, 0, 0, 0, 0, 0, 0, -16, -16, -16, 16, 0, 16, 16, 16, 16, 10, 16, 16, 10, 10, 8, 24, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 32, 32, 7, 4, 10, 0, 0, 0, -8, 8, 8, 8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 16,
    8, 8, 32, 8, 8, 8, 8, 32, 8, 8, 2,
  };

  /** entityShared_t subset sent in protocol 284, 14 fields. */
  static final int[] SHARED_BITS = {0, 0, 0, 0, 0, 0, 32, 0, 0, 0, 0, 0, 0, 8};

  public static final List<String> ENTITY_NAMES = List.of("eType", "eFlags", "pos.trType", "pos.trTime",
      "pos.trDuration", "pos.trBase[0]", "pos.trBase[1]", "pos.trBase[2]", "pos.trDelta[0]", "pos.trDelta[1]",
      "pos.trDelta[2]", "apos.trType", "apos.trTime", "apos.trDuration", "apos.trBase[0]", "apos.trBase[1]",
      "apos.trBase[2]", "apos.trDelta[0]", "apos.trDelta[1]", "apos.trDelta[2]", "time", "time2", "origin[0]",
      "origin[1]", "origin[2]", "origin2[0]", "origin2[1]", "origin2[2]", "angles[0]", "angles[1]", "angles[2]",
      "angles2[0]", "angles2[1]", "angles2[2]", "otherEntityNum", "otherEntityNum2", "groundEntityNum", "loopSound",
      "constantLight", "dl_intensity", "modelindex", "modelindex2", "frame", "clientNum", "solid", "event",
      "eventParm", "eventSequence", "events[0]", "events[1]", "events[2]", "events[3]", "eventParms[0]",
      "eventParms[1]", "eventParms[2]", "eventParms[3]", "powerups", "weapon", "legsAnim", "torsoAnim", "density",
      "dmgFlags", "onFireStart", "onFireEnd", "nextWeapon", "teamNum", "effect1Time", "effect2Time", "effect3Time",
      "animMovetype", "aiState");

  public static final List<String> PLAYER_NAMES = List.of("commandTime", "pm_type", "bobCycle", "pm_flags",
      "pm_time", "origin[0]", "origin[1]", "origin[2]", "velocity[0]", "velocity[1]", "velocity[2]", "weaponTime",
      "weaponDelay", "grenadeTimeLeft", "gravity", "leanf", "speed", "delta_angles[0]", "delta_angles[1]",
      "delta_angles[2]", "groundEntityNum", "legsTimer", "torsoTimer", "legsAnim", "torsoAnim", "movementDir",
      "eFlags", "eventSequence", "events[0]", "events[1]", "events[2]", "events[3]", "eventParms[0]",
      "eventParms[1]", "eventParms[2]", "eventParms[3]", "clientNum", "weapons[0]", "weapons[1]", "weapon",
      "weaponstate", "weapAnim", "viewangles[0]", "viewangles[1]", "viewangles[2]", "viewheight", "damageEvent",
      "damageYaw", "damagePitch", "damageCount", "mins[0]", "mins[1]", "mins[2]", "maxs[0]", "maxs[1]", "maxs[2]",
      "crouchMaxZ", "crouchViewHeight", "standViewHeight", "deadViewHeight", "runSpeedScale", "sprintSpeedScale",
      "crouchSpeedScale", "friction", "viewlocked", "viewlocked_entNum", "nextWeapon", "teamNum", "onFireStart",
      "curWeapHeat", "aimSpreadScale", "serverCursorHint", "serverCursorHintVal", "classWeaponTime",
      "identifyClient", "identifyClientHealth", "aiState");

  /** A copy of the entity field widths (§9.1). */
  public static int[] entityWidths() {
    return ENTITY_BITS.clone();
  }

  /** A copy of the playerState field widths (§9.2). */
  public static int[] playerWidths() {
    return PLAYER_BITS.clone();
  }

  /** A copy of the ETTV shared-part field widths (§10.1). */
  public static int[] sharedWidths() {
    return SHARED_BITS.clone();
  }

  public static final int ENTITY_FIELDS = 71;
  public static final int PLAYER_FIELDS = 77;
  public static final int SHARED_FIELDS = 14;

  // Entity field indices used by the reader.
  public static final int E_TYPE = 0;
  public static final int E_OTHER_ENTITY_NUM = 34;
  public static final int E_OTHER_ENTITY_NUM2 = 35;
  public static final int E_LOOP_SOUND = 37;
  public static final int E_EVENT_PARM = 46;
  public static final int E_WEAPON = 57;

  // Player state layout: 77 fields, then the arrays of §8.2.
  public static final int PS_STATS = PLAYER_FIELDS;
  public static final int PS_PERSISTANT = PS_STATS + 16;
  public static final int PS_HOLDABLE = PS_PERSISTANT + 16;
  public static final int PS_POWERUPS = PS_HOLDABLE + 16;
  public static final int PS_AMMO = PS_POWERUPS + 16;
  public static final int PS_AMMOCLIP = PS_AMMO + 64;
  public static final int PS_SIZE = PS_AMMOCLIP + 64;
  public static final int PS_CLIENT_NUM = 36;
  public static final int PS_SERVER_TIME_FIELD = 0;
}

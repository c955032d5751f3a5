package dev.fragkit.greatshot.demo;

/**
 * Means of death, {@code meansOfDeath_t}, with ET:Legacy's {@code MOD_*} names and wire values
 * (format doc §12.4; identical in v2.76 … HEAD). The wire value is the {@link #ordinal()}.
 * Values outside the table map to {@link #MOD_UNKNOWN}.
 */
public enum MeansOfDeath {
  MOD_UNKNOWN,
  MOD_MACHINEGUN,
  MOD_BROWNING,
  MOD_MG42,
  MOD_GRENADE,
  MOD_KNIFE,
  MOD_LUGER,
  MOD_COLT,
  MOD_MP40,
  MOD_THOMPSON,
  MOD_STEN,
  MOD_GARAND,
  MOD_SILENCER,
  MOD_FG42,
  MOD_FG42SCOPE,
  MOD_PANZERFAUST,
  MOD_GRENADE_LAUNCHER,
  MOD_FLAMETHROWER,
  MOD_GRENADE_PINEAPPLE,
  MOD_MAPMORTAR,
  MOD_MAPMORTAR_SPLASH,
  MOD_KICKED,
  MOD_DYNAMITE,
  MOD_AIRSTRIKE,
  MOD_SYRINGE,
  MOD_AMMO,
  MOD_ARTY,
  MOD_WATER,
  MOD_SLIME,
  MOD_LAVA,
  MOD_CRUSH,
  MOD_TELEFRAG,
  MOD_FALLING,
  MOD_SUICIDE,
  MOD_TARGET_LASER,
  MOD_TRIGGER_HURT,
  MOD_EXPLOSIVE,
  MOD_CARBINE,
  MOD_KAR98,
  MOD_GPG40,
  MOD_M7,
  MOD_LANDMINE,
  MOD_SATCHEL,
  MOD_SMOKEBOMB,
  MOD_MOBILE_MG42,
  MOD_SILENCED_COLT,
  MOD_GARAND_SCOPE,
  MOD_CRUSH_CONSTRUCTION,
  MOD_CRUSH_CONSTRUCTIONDEATH,
  MOD_CRUSH_CONSTRUCTIONDEATH_NOATTACKER,
  MOD_K43,
  MOD_K43_SCOPE,
  MOD_MORTAR,
  MOD_AKIMBO_COLT,
  MOD_AKIMBO_LUGER,
  MOD_AKIMBO_SILENCEDCOLT,
  MOD_AKIMBO_SILENCEDLUGER,
  MOD_SMOKEGRENADE,
  MOD_SWAP_PLACES,
  MOD_SWITCHTEAM,
  MOD_SHOVE,
  MOD_KNIFE_KABAR,
  MOD_MOBILE_BROWNING,
  MOD_MORTAR2,
  MOD_BAZOOKA,
  MOD_BACKSTAB,
  MOD_MP34;

  private static final MeansOfDeath[] VALUES = values();

  /** The wire value ({@code eventParm} of an obituary). */
  public int id() {
    return ordinal();
  }

  /** The means of death for a wire value; unknown values map to {@link #MOD_UNKNOWN}. */
  public static MeansOfDeath fromId(int id) {
    return id >= 0 && id < VALUES.length ? VALUES[id] : MOD_UNKNOWN;
  }
}

package dev.fragkit.greatshot.udt;

import dev.fragkit.greatshot.demo.MeansOfDeath;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps UDT's own weapon names in {@code obituaries[].causeOfDeath} (ET branch: {@code MP40},
 * {@code thompson}, {@code .45ACP 1911}, {@code suicide}, …) to ET:Legacy's {@code MOD_*} values.
 * Names are compared lower-cased with spaces, dots, dashes and underscores removed; a name that
 * already is a {@code MOD_*} constant is taken as is. Immutable, thread-safe.
 */
public final class UdtCauseOfDeath {
  private static final Map<String, MeansOfDeath> TABLE = new HashMap<>();

  static {
    put(MeansOfDeath.MOD_UNKNOWN, "unknown");
    put(MeansOfDeath.MOD_MACHINEGUN, "machinegun", "mg42mounted");
    put(MeansOfDeath.MOD_BROWNING, "browning");
    put(MeansOfDeath.MOD_MG42, "mg42");
    put(MeansOfDeath.MOD_GRENADE, "grenade");
    put(MeansOfDeath.MOD_KNIFE, "knife");
    put(MeansOfDeath.MOD_LUGER, "luger");
    put(MeansOfDeath.MOD_COLT, "colt", "45acp1911");
    put(MeansOfDeath.MOD_MP40, "mp40");
    put(MeansOfDeath.MOD_THOMPSON, "thompson");
    put(MeansOfDeath.MOD_STEN, "sten");
    put(MeansOfDeath.MOD_GARAND, "garand");
    put(MeansOfDeath.MOD_SILENCER, "silencer", "silencedluger");
    put(MeansOfDeath.MOD_FG42, "fg42");
    put(MeansOfDeath.MOD_FG42SCOPE, "fg42scope");
    put(MeansOfDeath.MOD_PANZERFAUST, "panzerfaust");
    put(MeansOfDeath.MOD_GRENADE_LAUNCHER, "grenadelauncher");
    put(MeansOfDeath.MOD_FLAMETHROWER, "flamethrower");
    put(MeansOfDeath.MOD_GRENADE_PINEAPPLE, "grenadepineapple", "pineapple");
    put(MeansOfDeath.MOD_MAPMORTAR, "mapmortar");
    put(MeansOfDeath.MOD_MAPMORTAR_SPLASH, "mapmortarsplash");
    put(MeansOfDeath.MOD_KICKED, "kicked");
    put(MeansOfDeath.MOD_DYNAMITE, "dynamite");
    put(MeansOfDeath.MOD_AIRSTRIKE, "airstrike");
    put(MeansOfDeath.MOD_SYRINGE, "syringe");
    put(MeansOfDeath.MOD_AMMO, "ammo");
    put(MeansOfDeath.MOD_ARTY, "arty", "artillery");
    put(MeansOfDeath.MOD_WATER, "water", "drowning");
    put(MeansOfDeath.MOD_SLIME, "slime");
    put(MeansOfDeath.MOD_LAVA, "lava");
    put(MeansOfDeath.MOD_CRUSH, "crush", "crushed");
    put(MeansOfDeath.MOD_TELEFRAG, "telefrag");
    put(MeansOfDeath.MOD_FALLING, "falling", "fall");
    put(MeansOfDeath.MOD_SUICIDE, "suicide");
    put(MeansOfDeath.MOD_TARGET_LASER, "targetlaser");
    put(MeansOfDeath.MOD_TRIGGER_HURT, "triggerhurt");
    put(MeansOfDeath.MOD_EXPLOSIVE, "explosive");
    put(MeansOfDeath.MOD_CARBINE, "carbine");
    put(MeansOfDeath.MOD_KAR98, "kar98");
    put(MeansOfDeath.MOD_GPG40, "gpg40");
    put(MeansOfDeath.MOD_M7, "m7");
    put(MeansOfDeath.MOD_LANDMINE, "landmine");
    put(MeansOfDeath.MOD_SATCHEL, "satchel");
    put(MeansOfDeath.MOD_SMOKEBOMB, "smokebomb");
    put(MeansOfDeath.MOD_MOBILE_MG42, "mobilemg42");
    put(MeansOfDeath.MOD_SILENCED_COLT, "silencedcolt");
    put(MeansOfDeath.MOD_GARAND_SCOPE, "garandscope");
    put(MeansOfDeath.MOD_K43, "k43");
    put(MeansOfDeath.MOD_K43_SCOPE, "k43scope");
    put(MeansOfDeath.MOD_MORTAR, "mortar");
    put(MeansOfDeath.MOD_AKIMBO_COLT, "akimbocolt");
    put(MeansOfDeath.MOD_AKIMBO_LUGER, "akimboluger");
    put(MeansOfDeath.MOD_AKIMBO_SILENCEDCOLT, "akimbosilencedcolt");
    put(MeansOfDeath.MOD_AKIMBO_SILENCEDLUGER, "akimbosilencedluger");
    put(MeansOfDeath.MOD_SMOKEGRENADE, "smokegrenade");
    put(MeansOfDeath.MOD_SWAP_PLACES, "swapplaces");
    put(MeansOfDeath.MOD_SWITCHTEAM, "switchteam");
    put(MeansOfDeath.MOD_SHOVE, "shove");
    put(MeansOfDeath.MOD_KNIFE_KABAR, "knifekabar", "kabar");
    put(MeansOfDeath.MOD_MOBILE_BROWNING, "mobilebrowning");
    put(MeansOfDeath.MOD_MORTAR2, "mortar2");
    put(MeansOfDeath.MOD_BAZOOKA, "bazooka");
    put(MeansOfDeath.MOD_BACKSTAB, "backstab");
    put(MeansOfDeath.MOD_MP34, "mp34");
  }

  private UdtCauseOfDeath() {}

  private static void put(MeansOfDeath mod, String... names) {
    for (String n : names) {
      TABLE.put(n, mod);
    }
  }

  /** The means of death for a UDT cause name, or empty when the name is not known. */
  public static Optional<MeansOfDeath> lookup(String cause) {
    String trimmed = cause.trim();
    if (trimmed.startsWith("MOD_")) {
      for (MeansOfDeath m : MeansOfDeath.values()) {
        if (m.name().equals(trimmed)) {
          return Optional.of(m);
        }
      }
    }
    String key = trimmed.toLowerCase(Locale.ROOT).replaceAll("[\\s._\\-]", "");
    return Optional.ofNullable(TABLE.get(key));
  }
}

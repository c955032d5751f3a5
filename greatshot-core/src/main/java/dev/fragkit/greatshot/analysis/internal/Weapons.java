package dev.fragkit.greatshot.analysis.internal;

import dev.fragkit.greatshot.demo.MeansOfDeath;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical weapon names. A kill's weapon is derived from its means of death (format doc §12.4):
 * the {@code MOD_} name lower-cased without the prefix, with the few renames below so that the
 * names match the reference tool's canonical profile ({@code fg42_scope}, {@code artillery}, …).
 * Weapon-stat indices ({@code WS_*}, §12.6) map to the same vocabulary. Immutable, thread-safe.
 */
public final class Weapons {
  private static final Map<MeansOfDeath, String> RENAMES = new EnumMap<>(MeansOfDeath.class);
  private static final String[] WS_NAMES = {
      "knife", "knife_kabar", "luger", "colt", "mp40", "thompson", "sten", "fg42", "panzerfaust", "bazooka",
      "flamethrower", "grenade", "mortar", "mortar2", "dynamite", "airstrike", "artillery", "satchel",
      "grenade_launcher", "landmine", "mg42", "browning", "carbine", "kar98", "garand", "k43", "mp34", "syringe"};

  static {
    RENAMES.put(MeansOfDeath.MOD_FG42SCOPE, "fg42_scope");
    RENAMES.put(MeansOfDeath.MOD_ARTY, "artillery");
    RENAMES.put(MeansOfDeath.MOD_GRENADE_PINEAPPLE, "grenade");
    RENAMES.put(MeansOfDeath.MOD_GRENADE, "grenade");
    RENAMES.put(MeansOfDeath.MOD_MACHINEGUN, "mg42");
    RENAMES.put(MeansOfDeath.MOD_MAPMORTAR, "map_mortar");
    RENAMES.put(MeansOfDeath.MOD_MAPMORTAR_SPLASH, "map_mortar");
    RENAMES.put(MeansOfDeath.MOD_SILENCER, "luger_silenced");
    RENAMES.put(MeansOfDeath.MOD_SILENCED_COLT, "colt_silenced");
    RENAMES.put(MeansOfDeath.MOD_MORTAR2, "mortar2");
  }

  private Weapons() {}

  /** The canonical weapon name for a means of death, e.g. {@code MOD_MP40 → "mp40"}. */
  public static String canonical(MeansOfDeath mod) {
    String renamed = RENAMES.get(mod);
    return renamed != null ? renamed : mod.name().substring(4).toLowerCase(Locale.ROOT);
  }

  /** The canonical weapon name for a {@code WS_*} index, or {@code "ws_<n>"} when out of range. */
  public static String ofWeaponStat(int ws) {
    return ws >= 0 && ws < WS_NAMES.length ? WS_NAMES[ws] : "ws_" + ws;
  }
}

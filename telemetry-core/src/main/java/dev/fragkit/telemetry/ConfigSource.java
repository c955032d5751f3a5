package dev.fragkit.telemetry;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Optional binding of configuration from environment variables or system properties. A setting is
 * named in camel case with a dotted prefix, e.g. {@code recorder.flushEveryTicks}; it is looked up as
 * the system property {@code fragkit.recorder.flushEveryTicks} or the environment variable {@code
 * FRAGKIT_RECORDER_FLUSH_EVERY_TICKS}. Durations use ISO-8601 ({@code PT10S}) or a number of
 * milliseconds.
 *
 * <p>Immutable and thread-safe (it holds a snapshot).
 */
public final class ConfigSource {
  private final Map<String, String> values;
  private final boolean environmentStyle;

  private ConfigSource(Map<String, String> values, boolean environmentStyle) {
    this.values = Map.copyOf(values);
    this.environmentStyle = environmentStyle;
  }

  /** A snapshot of {@link System#getenv()}. */
  public static ConfigSource environment() {
    return new ConfigSource(System.getenv(), true);
  }

  /** Environment-style lookup over the given map (for tests). */
  public static ConfigSource environment(Map<String, String> env) {
    return new ConfigSource(env, true);
  }

  /** A snapshot of {@link System#getProperties()}. */
  public static ConfigSource systemProperties() {
    return systemProperties(System.getProperties());
  }

  /** Property-style lookup over the given properties. */
  public static ConfigSource systemProperties(Properties props) {
    Map<String, String> m = new java.util.HashMap<>();
    for (String name : props.stringPropertyNames()) {
      m.put(name, props.getProperty(name));
    }
    return new ConfigSource(m, false);
  }

  /** The external name of {@code setting} in this source. */
  public String externalName(String setting) {
    if (!environmentStyle) {
      return "fragkit." + setting;
    }
    StringBuilder sb = new StringBuilder("FRAGKIT_");
    for (int i = 0; i < setting.length(); i++) {
      char c = setting.charAt(i);
      if (c == '.') {
        sb.append('_');
      } else if (Character.isUpperCase(c)) {
        sb.append('_').append(c);
      } else {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  /** The raw value of {@code setting}, if set. */
  public Optional<String> get(String setting) {
    Objects.requireNonNull(setting, "setting");
    String v = values.get(externalName(setting));
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** @throws IllegalArgumentException naming the variable if the value is not an integer */
  public Optional<Long> getLong(String setting) {
    return get(setting).map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(externalName(setting) + " is not an integer: " + v, e);
      }
    });
  }

  /** @throws IllegalArgumentException naming the variable if the value is not a number */
  public Optional<Double> getDouble(String setting) {
    return get(setting).map(v -> {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(externalName(setting) + " is not a number: " + v, e);
      }
    });
  }

  /** @throws IllegalArgumentException naming the variable if the value is not a duration */
  public Optional<Duration> getDuration(String setting) {
    return get(setting).map(v -> {
      try {
        if (v.chars().allMatch(Character::isDigit)) {
          return Duration.ofMillis(Long.parseLong(v));
        }
        return Duration.parse(v);
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new IllegalArgumentException(externalName(setting) + " is not a duration: " + v, e);
      }
    });
  }

  @Override
  public String toString() {
    return environmentStyle ? "ConfigSource[environment]" : "ConfigSource[properties]";
  }
}

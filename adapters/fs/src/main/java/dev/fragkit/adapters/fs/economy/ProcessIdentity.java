package dev.fragkit.adapters.fs.economy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** "host pid N" of this process, for owner tokens and history records. Thread-safe (stateless). */
final class ProcessIdentity {
  private ProcessIdentity() {}

  static String describe() {
    return host() + " pid " + ProcessHandle.current().pid();
  }

  private static String host() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}

package dev.fragkit.adapters.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code fragkit} command. Thin: parses arguments, calls a core, renders the result.
 *
 * <p>Exit codes: 0 success, 1 a command failed, 2 bad usage.
 */
@Command(
    name = "fragkit",
    mixinStandardHelpOptions = true,
    versionProvider = FragkitCli.Version.class,
    description = "Embeddable libraries for game-community platforms: demo analysis, telemetry, economy.",
    subcommands = {CommandLine.HelpCommand.class, AnalyzeCommand.class, EventsCommand.class, ServeCommand.class,
        ReconcileCommand.class, EconomyCommand.class})
public final class FragkitCli implements Callable<Integer> {
  static final String VERBOSE_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

  @Spec CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log debug messages to stderr (quiet by default).")
  boolean verbose;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  public static void main(String[] args) {
    // slf4j-simple reads its level once, when the first logger is created: decide before that.
    if (Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose")) {
      System.setProperty(VERBOSE_PROPERTY, "debug");
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(out, err, args));
  }

  /** Runs the command line with the given streams and returns its exit code. */
  static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new FragkitCli());
    cli.setOut(out);
    cli.setErr(err);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Reads the version from the jar manifest; a development build from class directories has none. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = FragkitCli.class.getPackage().getImplementationVersion();
      return new String[] {"fragkit " + (v == null ? "(development build)" : v)};
    }
  }
}

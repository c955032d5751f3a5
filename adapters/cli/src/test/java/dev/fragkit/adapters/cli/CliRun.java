package dev.fragkit.adapters.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI with captured output. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FragkitCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}

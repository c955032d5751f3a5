package dev.fragkit.adapters.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fragkit.greatshot.demo.ConfigStringChange;
import dev.fragkit.greatshot.demo.DemoEnd;
import dev.fragkit.greatshot.demo.DemoException;
import dev.fragkit.greatshot.demo.DemoListener;
import dev.fragkit.greatshot.demo.DemoReader;
import dev.fragkit.greatshot.demo.DemoStart;
import dev.fragkit.greatshot.demo.Gamestate;
import dev.fragkit.greatshot.demo.MatchState;
import dev.fragkit.greatshot.demo.Obituary;
import dev.fragkit.greatshot.demo.PlayerInfo;
import dev.fragkit.greatshot.demo.ServerCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fragkit events <demo>}: one JSON object per line (JSON Lines, UTF-8) per demo event, in
 * stream order. Types: gamestate, configstring, command, obituary, player, match, end. Errors go
 * to stderr with exit code 1.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = "Print a demo's events as JSON Lines (gamestate, configstring, command, obituary, player, match, end).")
final class EventsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<demo>", description = "An ET:Legacy demo (.dm_84, or .tv_84 for ETTV).")
  Path demo;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setRootValueSeparator(null); // lines are separated by the '\n' we write, nothing else
      JsonLines lines = new JsonLines(json);
      try {
        DemoReader.defaults().read(demo, lines);
      } catch (DemoException e) {
        json.flush();
        spec.commandLine().getErr().println("fragkit events: " + e.getMessage());
        return 1;
      } catch (UncheckedIOException e) {
        spec.commandLine().getErr().println("fragkit events: cannot write output: " + e.getCause().getMessage());
        return 1;
      }
    }
    out.flush();
    return 0;
  }

  /** Renders events; thin, no decisions beyond formatting. */
  private static final class JsonLines implements DemoListener {
    private final JsonGenerator json;
    private int protocol;

    JsonLines(JsonGenerator json) {
      this.json = json;
    }

    private interface Body {
      void write() throws IOException;
    }

    private void line(String type, @Nullable Integer serverTime, boolean withTime, Body body) {
      try {
        json.writeStartObject();
        json.writeStringField("type", type);
        if (withTime) {
          writeTime(serverTime);
        }
        body.write();
        json.writeEndObject();
        json.writeRaw('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void writeTime(@Nullable Integer serverTime) throws IOException {
      if (serverTime == null) {
        json.writeNullField("serverTime");
      } else {
        json.writeNumberField("serverTime", serverTime);
      }
    }

    @Override
    public void onDemoStart(DemoStart event) {
      protocol = event.protocol();
    }

    @Override
    public void onGamestate(Gamestate event) {
      line("gamestate", null, false, () -> {
        json.writeNumberField("protocol", protocol);
        json.writeNumberField("clientNum", event.clientNum());
        writeTime(event.serverTime());
        json.writeObjectFieldStart("configStrings");
        for (Map.Entry<Integer, String> cs : event.configStrings().entrySet()) {
          json.writeStringField(Integer.toString(cs.getKey()), cs.getValue());
        }
        json.writeEndObject();
      });
    }

    @Override
    public void onConfigString(ConfigStringChange event) {
      line("configstring", event.serverTime(), true, () -> {
        json.writeNumberField("index", event.index());
        json.writeStringField("value", event.value());
      });
    }

    @Override
    public void onServerCommand(ServerCommand event) {
      line("command", event.serverTime(), true, () -> {
        json.writeNumberField("sequence", event.sequence());
        json.writeStringField("text", event.text());
      });
    }

    @Override
    public void onObituary(Obituary event) {
      line("obituary", event.serverTime(), true, () -> {
        json.writeNumberField("target", event.target());
        if (event.attacker() == null) {
          json.writeNullField("attacker");
        } else {
          json.writeNumberField("attacker", event.attacker());
        }
        json.writeStringField("mod", event.mod().name());
        json.writeNumberField("weapon", event.weapon());
        if (event.headshot() == null) {
          json.writeNullField("headshot");
        } else {
          json.writeBooleanField("headshot", event.headshot());
        }
      });
    }

    @Override
    public void onPlayerInfo(PlayerInfo event) {
      line("player", event.serverTime(), true, () -> {
        json.writeNumberField("client", event.client());
        json.writeBooleanField("connected", event.connected());
        json.writeStringField("name", event.name());
        json.writeStringField("cleanName", event.cleanName());
        json.writeStringField("team", event.team().name().toLowerCase(Locale.ROOT));
        if (event.playerClass() == null) {
          json.writeNullField("class");
        } else {
          json.writeStringField("class", event.playerClass().name().toLowerCase(Locale.ROOT));
        }
      });
    }

    @Override
    public void onMatchState(MatchState event) {
      line("match", event.serverTime(), true, () -> {
        json.writeStringField("phase", event.phase().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("round", event.round());
        if (event.levelStartTime() == null) {
          json.writeNullField("levelStartTime");
        } else {
          json.writeNumberField("levelStartTime", event.levelStartTime());
        }
        if (event.winner() == null) {
          json.writeNullField("winner");
        } else {
          json.writeStringField("winner", event.winner().name().toLowerCase(Locale.ROOT));
        }
      });
    }

    @Override
    public void onDemoEnd(DemoEnd event) {
      if (event.reason() == DemoEnd.Reason.ERROR) {
        return; // the error is reported on stderr
      }
      line("end", null, false, () -> {
        json.writeStringField("reason", event.reason().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("records", event.records());
        json.writeNumberField("snapshots", event.snapshots());
        json.writeNumberField("bytes", event.bytes());
        if (!event.detail().isEmpty()) {
          json.writeStringField("detail", event.detail());
        }
      });
      try {
        json.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

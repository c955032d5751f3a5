package dev.fragkit.greatshot.demo.internal;

import static dev.fragkit.greatshot.demo.internal.FieldTables.E_EVENT_PARM;
import static dev.fragkit.greatshot.demo.internal.FieldTables.E_LOOP_SOUND;
import static dev.fragkit.greatshot.demo.internal.FieldTables.E_OTHER_ENTITY_NUM;
import static dev.fragkit.greatshot.demo.internal.FieldTables.E_OTHER_ENTITY_NUM2;
import static dev.fragkit.greatshot.demo.internal.FieldTables.E_TYPE;
import static dev.fragkit.greatshot.demo.internal.FieldTables.E_WEAPON;
import static dev.fragkit.greatshot.demo.internal.FieldTables.ENTITY_FIELDS;
import static dev.fragkit.greatshot.demo.internal.FieldTables.PLAYER_BITS;
import static dev.fragkit.greatshot.demo.internal.FieldTables.PLAYER_FIELDS;
import static dev.fragkit.greatshot.demo.internal.FieldTables.PS_AMMO;
import static dev.fragkit.greatshot.demo.internal.FieldTables.PS_AMMOCLIP;
import static dev.fragkit.greatshot.demo.internal.FieldTables.PS_HOLDABLE;
import static dev.fragkit.greatshot.demo.internal.FieldTables.PS_PERSISTANT;
import static dev.fragkit.greatshot.demo.internal.FieldTables.PS_POWERUPS;
import static dev.fragkit.greatshot.demo.internal.FieldTables.PS_SIZE;
import static dev.fragkit.greatshot.demo.internal.FieldTables.PS_STATS;
import static dev.fragkit.greatshot.demo.internal.FieldTables.SHARED_BITS;
import static dev.fragkit.greatshot.demo.internal.FieldTables.SHARED_FIELDS;

import dev.fragkit.greatshot.demo.ColorCodes;
import dev.fragkit.greatshot.demo.CommandView;
import dev.fragkit.greatshot.demo.ConfigStringChange;
import dev.fragkit.greatshot.demo.DemoEnd;
import dev.fragkit.greatshot.demo.DemoException;
import dev.fragkit.greatshot.demo.DemoIoException;
import dev.fragkit.greatshot.demo.DemoLimitExceededException;
import dev.fragkit.greatshot.demo.DemoListener;
import dev.fragkit.greatshot.demo.DemoStart;
import dev.fragkit.greatshot.demo.DemoSummary;
import dev.fragkit.greatshot.demo.GamePhase;
import dev.fragkit.greatshot.demo.Gamestate;
import dev.fragkit.greatshot.demo.MalformedDemoException;
import dev.fragkit.greatshot.demo.MatchState;
import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.Obituary;
import dev.fragkit.greatshot.demo.ParserLimits;
import dev.fragkit.greatshot.demo.PlayerClass;
import dev.fragkit.greatshot.demo.PlayerInfo;
import dev.fragkit.greatshot.demo.ServerCommand;
import dev.fragkit.greatshot.demo.Snapshot;
import dev.fragkit.greatshot.demo.Team;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One read of one demo: record framing (format doc §2), message decoding (§3), gamestate (§6),
 * snapshots with the 32-entry ring (§7, §8), server commands (§3.3, §14), obituaries (§11) and
 * ETTV additions (§10). Single use; not thread-safe.
 */
public final class DemoParser {
  /** Called at every record boundary; throws to stop the read. */
  @FunctionalInterface
  public interface BoundaryCheck {
    void check(long byteOffset, int recordsRead);
  }

  private static final int SVC_NOP = 1;
  private static final int SVC_GAMESTATE = 2;
  private static final int SVC_CONFIGSTRING = 3;
  private static final int SVC_BASELINE = 4;
  private static final int SVC_SERVERCOMMAND = 5;
  private static final int SVC_DOWNLOAD = 6;
  private static final int SVC_SNAPSHOT = 7;
  private static final int SVC_EOF = 8;
  private static final int SVC_ETTV_PLAYERSTATES = 9;
  private static final int SVC_ETTV_CURRENTSTATE = 10;

  private static final int MAX_CONFIGSTRINGS = 1024;
  private static final int MAX_GENTITIES = 1024;
  private static final int ENTITYNUM_NONE = 1023;
  private static final int MAX_CLIENTS = 64;
  private static final int PACKET_BACKUP = 32;
  private static final int MAX_PARSE_ENTITIES = 2048;
  private static final int CS_SERVERINFO = 0;
  private static final int CS_SYSTEMINFO = 1;
  private static final int CS_LEVEL_START_TIME = 11;
  private static final int CS_MULTI_MAPWINNER = 14;
  private static final int CS_WOLFINFO = 21;
  private static final int CS_PLAYERS = 689;
  private static final int EV_OBITUARY = 68;
  private static final int SHARED_MAGIC = 0x77;
  private static final int PROGRESS_STEP = 64 * 1024;

  private final ParserLimits limits;
  private final int protocol;
  private final boolean ettv;
  private final String source;
  private final DemoListener listener;
  private final BoundaryCheck check;
  private final boolean wantsSnapshots;

  private final BitReader in = new BitReader();
  private final byte[] header = new byte[8];
  private byte[] body;
  /**
   * The body buffer's full size ({@code min(maxMessageBytes, 32 KB)} + padding). The buffer starts
   * small and grows towards it by copying, so its bytes (including stale bytes past a record's
   * end, which bit-window reads may look at) are the same as if it had been allocated full-size.
   */
  private final int bodyCapacity;
  private long offset;
  private long bodyOffset;
  private int records;
  private int recordSequence = -1;
  private long nextProgress = PROGRESS_STEP;

  /** Entity states of the ring snapshots and baselines; id 0 is the all-zero state. */
  private final StateStore entities = new StateStore(ENTITY_FIELDS, store -> markSlots(store, false));
  /** ETTV shared parts (§10.1), same scheme. */
  private final StateStore sharedParts = new StateStore(SHARED_FIELDS, store -> markSlots(store, true));
  private final int[] zeroPlayer = new int[PS_SIZE];

  private final String[] configStrings = new String[MAX_CONFIGSTRINGS];
  /** Baseline state id per entity number (0 = all-zero). */
  private final int[] baselines = new int[MAX_GENTITIES];
  private final int[] sharedBaselines = new int[MAX_GENTITIES];
  private final Slot[] ring = new Slot[PACKET_BACKUP];
  private Slot spare;
  private final Slot emptySlot;
  private int lastValidMessageNum;
  private int parseEntitiesNum;
  private @Nullable Slot pendingSnapshot;
  private @Nullable Slot pendingBase;

  private int lastCommandSequence;
  private boolean haveServerTime;
  private int lastServerTime;
  private @Nullable StringBuilder bigConfigString;
  private int bigConfigStringIndex;

  // event-entity tracking (§11.1)
  private int snapshotSerial = 1;
  private final int[] lastSeen = new int[MAX_GENTITIES];
  private final int[] seenType = new int[MAX_GENTITIES];
  private final int[] seenOther = new int[MAX_GENTITIES];
  private final int[] seenOther2 = new int[MAX_GENTITIES];

  private int version;
  private int etEvents = 62;
  private @Nullable MatchState lastMatchState;

  private int snapshots;
  private int commands;
  private int obituaries;
  private int commandsInMessage;
  private final SnapshotView view = new SnapshotView();

  public DemoParser(ParserLimits limits, int protocol, String source, DemoListener listener, BoundaryCheck check) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.protocol = protocol;
    this.ettv = protocol == 284;
    this.source = source;
    this.listener = listener;
    this.check = check;
    this.wantsSnapshots = listener.wantsSnapshots();
    this.bodyCapacity = Math.min(limits.maxMessageBytes(), 32768) + BitReader.PADDING;
    this.body = new byte[Math.min(bodyCapacity, 1024 + BitReader.PADDING)];
    this.spare = new Slot(ettv);
    this.emptySlot = new Slot(ettv);
    Arrays.fill(lastSeen, Integer.MIN_VALUE);
  }

  /** Reads the whole input; see {@link dev.fragkit.greatshot.demo.DemoReader} for the contract. */
  public DemoSummary run(RecordInput input) {
    long started = System.nanoTime();
    listener.onDemoStart(new DemoStart(source, protocol));
    DemoEnd end;
    try {
      end = loop(input);
    } catch (DemoException e) {
      try {
        listener.onDemoEnd(new DemoEnd(DemoEnd.Reason.ERROR, records, snapshots, offset,
            Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName())));
      } catch (RuntimeException listenerFailure) {
        e.addSuppressed(listenerFailure);
      }
      throw e;
    }
    listener.onProgress(offset, input.size());
    listener.onDemoEnd(end);
    return new DemoSummary(source, protocol, records, snapshots, offset, end.reason(), end.detail(), commands,
        obituaries, Duration.ofNanos(System.nanoTime() - started));
  }

  private DemoEnd loop(RecordInput input) {
    long total = input.size();
    while (true) {
      check.check(offset, records);
      if (offset >= nextProgress) {
        listener.onProgress(offset, total);
        nextProgress = offset + PROGRESS_STEP;
      }
      long recordStart = offset;
      int got = read(input, header, 0, 8);
      offset += got;
      if (got == 0) {
        return end(DemoEnd.Reason.EOF, "");
      }
      if (got < 8) {
        return end(DemoEnd.Reason.TRUNCATED, "record header at byte " + recordStart + " has only " + got
            + " of 8 bytes");
      }
      int sequence = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16 | header[3] << 24;
      int length = (header[4] & 0xFF) | (header[5] & 0xFF) << 8 | (header[6] & 0xFF) << 16 | header[7] << 24;
      if (length == -1) {
        return end(DemoEnd.Reason.EOF, "");
      }
      recordSequence = sequence;
      if (length < 0) {
        throw new MalformedDemoException("record length " + length + " is negative and not the end marker -1"
            + " (format doc §2)", recordStart + 4, records + 1, sequence);
      }
      if (length > limits.maxMessageBytes()) {
        throw new DemoLimitExceededException("record length", "maxMessageBytes", limits.maxMessageBytes(), length,
            recordStart + 4, records + 1, sequence);
      }
      if (body.length < length + BitReader.PADDING) {
        int need = length + BitReader.PADDING;
        body = need <= bodyCapacity ? Arrays.copyOf(body, Math.min(bodyCapacity, Math.max(need, body.length * 2)))
            : new byte[need];
      }
      bodyOffset = offset;
      got = read(input, body, 0, length);
      offset += got;
      if (got < length) {
        return end(DemoEnd.Reason.TRUNCATED, "record " + (records + 1) + " (sequence " + sequence + ") at byte "
            + recordStart + " declares " + length + " body bytes but only " + got + " remain");
      }
      try {
        parseMessage(length);
      } catch (MessageFormatException e) {
        long at = bodyOffset + (e.bitPosition >>> 3);
        if (e.setting != null) {
          throw new DemoLimitExceededException(e.getMessage(), e.setting, e.limit, e.actual, at, records + 1,
              sequence);
        }
        throw new MalformedDemoException(e.getMessage(), at, records + 1, sequence);
      }
      records++;
    }
  }

  private DemoEnd end(DemoEnd.Reason reason, String detail) {
    return new DemoEnd(reason, records, snapshots, offset, detail);
  }

  private int read(RecordInput input, byte[] dst, int off, int len) {
    try {
      return input.readFully(dst, off, len);
    } catch (IOException e) {
      throw new DemoIoException(source, offset, e);
    }
  }

  // ---------------------------------------------------------------- message (§3)

  private void parseMessage(int length) {
    BitReader r = in;
    r.reset(body, length);
    commandsInMessage = 0;
    r.readLong(); // reliableAcknowledge
    while (true) {
      int op = r.readByte();
      if (pendingSnapshot != null && op != SVC_ETTV_PLAYERSTATES) {
        finishSnapshot();
      }
      switch (op) {
        case SVC_EOF:
          return; // the binary tail (§3) is ignored
        case SVC_NOP:
          break;
        case SVC_SERVERCOMMAND:
          parseServerCommand();
          break;
        case SVC_SNAPSHOT:
          parseSnapshot();
          break;
        case SVC_GAMESTATE:
          parseGamestate();
          break;
        case SVC_ETTV_PLAYERSTATES:
          if (!ettv || pendingSnapshot == null) {
            throw fail("svc_ettv_playerstates (9) " + (ettv ? "not right after a snapshot" : "in a protocol "
                + protocol + " demo") + " (format doc §10)");
          }
          parseEttvPlayerStates();
          finishSnapshot();
          break;
        case SVC_DOWNLOAD:
          parseDownload();
          break;
        case SVC_CONFIGSTRING:
        case SVC_BASELINE:
        case SVC_ETTV_CURRENTSTATE:
          throw fail("opcode " + op + " outside a gamestate (format doc §3.1)");
        default:
          throw fail("unknown opcode " + op + " (format doc §3.1)");
      }
    }
  }

  private MessageFormatException fail(String rule) {
    return new MessageFormatException(rule, in.position());
  }

  private void parseDownload() {
    BitReader r = in;
    int block = r.readShort();
    if (block == -1) {
      r.readString(limits.maxStringLength());
      r.readLong();
      r.readLong();
      return;
    }
    if (block == 0) {
      int size = r.readLong();
      if (size < 0) {
        r.readString(limits.maxStringLength());
        return;
      }
    }
    int size = r.readShort();
    if (size < 0 || size > limits.maxMessageBytes()) {
      throw fail("download chunk length " + size + " out of range (format doc §3.2)");
    }
    for (int i = 0; i < size; i++) {
      r.readByte();
    }
  }

  // ---------------------------------------------------------------- commands (§3.3, §14)

  private @Nullable Integer time() {
    return haveServerTime ? lastServerTime : null;
  }

  private void parseServerCommand() {
    int sequence = in.readLong();
    String text = in.readString(limits.maxStringLength());
    if (++commandsInMessage > limits.maxCommandsPerMessage()) {
      throw new MessageFormatException("server commands in one message", "maxCommandsPerMessage",
          limits.maxCommandsPerMessage(), commandsInMessage, in.position());
    }
    if (sequence - lastCommandSequence <= 0) {
      return; // retransmission of a command already seen
    }
    lastCommandSequence = sequence;
    List<String> argv = Tokenizer.tokenize(text);
    CommandView commandView = CommandViews.of(argv, version);
    commands++;
    listener.onServerCommand(new ServerCommand(time(), sequence, text, commandView));
    if (argv.isEmpty()) {
      return;
    }
    switch (argv.get(0)) {
      case "cs":
        if (argv.size() >= 2) {
          setConfigString(configIndex(argv.get(1)), String.join(" ", argv.subList(Math.min(2, argv.size()),
              argv.size())));
        }
        break;
      case "bcs0":
        if (argv.size() >= 3) {
          bigConfigStringIndex = configIndex(argv.get(1));
          bigConfigString = new StringBuilder(argv.get(2));
        }
        break;
      case "bcs1":
        if (argv.size() >= 3 && bigConfigString != null) {
          appendBig(argv.get(2));
        }
        break;
      case "bcs2":
        if (argv.size() >= 3 && bigConfigString != null) {
          appendBig(argv.get(2));
          String value = bigConfigString.toString();
          bigConfigString = null;
          setConfigString(bigConfigStringIndex, value);
        }
        break;
      default:
        break;
    }
  }

  private void appendBig(String chunk) {
    StringBuilder b = Objects.requireNonNull(bigConfigString);
    if (b.length() + chunk.length() > limits.maxStringLength()) {
      throw new MessageFormatException("big configstring length", "maxStringLength", limits.maxStringLength(),
          (long) b.length() + chunk.length(), in.position());
    }
    b.append(chunk);
  }

  private int configIndex(String text) {
    int index = Text.parseInt(text, -1);
    if (index < 0 || index >= MAX_CONFIGSTRINGS) {
      throw fail("configstring index '" + text + "' outside 0..1023 (format doc §14.2)");
    }
    return index;
  }

  private void setConfigString(int index, String value) {
    String old = configStrings[index] == null ? "" : configStrings[index];
    if (old.equals(value)) {
      return;
    }
    configStrings[index] = value;
    listener.onConfigString(new ConfigStringChange(time(), index, value));
    afterConfigString(index);
  }

  private void afterConfigString(int index) {
    if (index == CS_SERVERINFO || index == CS_SYSTEMINFO) {
      updateVersion();
    } else if (index >= CS_PLAYERS && index < CS_PLAYERS + MAX_CLIENTS) {
      listener.onPlayerInfo(playerInfo(index - CS_PLAYERS));
    } else if (index == CS_LEVEL_START_TIME || index == CS_MULTI_MAPWINNER || index == CS_WOLFINFO) {
      emitMatchState();
    }
  }

  private String cs(int index) {
    String s = configStrings[index];
    return s == null ? "" : s;
  }

  private void updateVersion() {
    int v = Text.versionNumber(Text.infoValue(cs(CS_SERVERINFO), "mod_version"));
    if (v == 0) {
      String paks = Text.infoValue(cs(CS_SYSTEMINFO), "sv_referencedPakNames");
      int slash = paks.indexOf('/');
      if (slash >= 0) {
        v = Text.versionNumber(paks.substring(slash + 1));
      }
    }
    version = v;
    // ET_EVENTS moved from 61 to 62 in v2.77 (§11.1); unknown versions are taken as current.
    etEvents = v != 0 && v < 2_077_000 ? 61 : 62;
  }

  private PlayerInfo playerInfo(int client) {
    String value = cs(CS_PLAYERS + client);
    if (value.isEmpty()) {
      return new PlayerInfo(time(), client, false, "", "", Team.FREE, null, Map.of());
    }
    Map<String, String> keys = Text.parseInfo(value);
    String name = keys.getOrDefault("n", "");
    Team team = Team.fromId(Text.parseInt(keys.getOrDefault("t", ""), 0));
    int cls = Text.parseInt(keys.getOrDefault("c", ""), -1);
    PlayerClass playerClass = PlayerClass.fromId(cls).orElse(null);
    return new PlayerInfo(time(), client, true, name, ColorCodes.strip(name), team, playerClass, keys);
  }

  private void emitMatchState() {
    Map<String, String> wolf = Text.parseInfo(cs(CS_WOLFINFO));
    GamePhase phase = GamePhase.fromId(Text.parseInt(wolf.getOrDefault("gamestate", ""), -1));
    int round = Text.parseInt(wolf.getOrDefault("g_currentRound", ""), 0);
    String start = cs(CS_LEVEL_START_TIME);
    Integer levelStart = start.isEmpty() ? null : (Integer) Text.parseInt(start, 0);
    int w = Text.parseInt(Text.infoValue(cs(CS_MULTI_MAPWINNER), "w"), -1);
    Team winner = w == 0 ? Team.AXIS : w == 1 ? Team.ALLIES : null;
    MatchState state = new MatchState(time(), phase, round, levelStart, winner);
    MatchState last = lastMatchState;
    if (last != null && last.phase() == phase && last.round() == round
        && Objects.equals(last.levelStartTime(), levelStart) && last.winner() == winner) {
      return;
    }
    lastMatchState = state;
    listener.onMatchState(state);
  }

  // ---------------------------------------------------------------- gamestate (§6)

  private void parseGamestate() {
    BitReader r = in;
    resetWorld();
    lastCommandSequence = r.readLong();
    long chars = 0;
    while (true) {
      int op = r.readByte();
      if (op == SVC_EOF) {
        break;
      }
      if (op == SVC_CONFIGSTRING) {
        int index = r.readShort();
        if (index < 0 || index >= MAX_CONFIGSTRINGS) {
          throw fail("configstring index " + index + " outside 0..1023 (format doc §6)");
        }
        String value = r.readString(limits.maxStringLength());
        chars += value.length() + 1;
        if (chars + 1 > limits.maxGamestateChars()) {
          throw new MessageFormatException("gamestate configstring characters", "maxGamestateChars",
              limits.maxGamestateChars(), chars + 1, r.position());
        }
        configStrings[index] = value;
      } else if (op == SVC_BASELINE) {
        int number = r.readBits(10);
        int id = readEntity(0, true);
        baselines[number] = id < 0 ? 0 : id;
        if (ettv) {
          sharedBaselines[number] = readShared(0, true);
        }
      } else if (op == SVC_ETTV_CURRENTSTATE && ettv) {
        // the recording's starting world (§10): read to keep the cursor right, then dropped
        // (the states read are referenced by no snapshot, so the next collection frees them)
        int number = r.readBits(10);
        readEntity(baselines[number], false);
        readShared(sharedBaselines[number], false);
      } else {
        throw fail("opcode " + op + " inside a gamestate (format doc §6)");
      }
    }
    int clientNum = r.readLong();
    int checksumFeed = r.readLong();
    updateVersion();
    TreeMap<Integer, String> all = new TreeMap<>();
    for (int i = 0; i < MAX_CONFIGSTRINGS; i++) {
      if (configStrings[i] != null && !configStrings[i].isEmpty()) {
        all.put(i, configStrings[i]);
      }
    }
    listener.onGamestate(new Gamestate(time(), clientNum, checksumFeed, all));
    for (int c = 0; c < MAX_CLIENTS; c++) {
      if (!cs(CS_PLAYERS + c).isEmpty()) {
        listener.onPlayerInfo(playerInfo(c));
      }
    }
    lastMatchState = null;
    emitMatchState();
  }

  private void resetWorld() {
    Arrays.fill(configStrings, null);
    Arrays.fill(baselines, 0);
    Arrays.fill(sharedBaselines, 0);
    for (int i = 0; i < PACKET_BACKUP; i++) {
      if (ring[i] != null) {
        ring[i].forget();
      }
    }
    spare.forget();
    entities.clear();
    sharedParts.clear();
    pendingSnapshot = null;
    pendingBase = null;
    bigConfigString = null;
    snapshotSerial += 2; // every entity counts as new after a gamestate (§6, §11.1)
  }

  // ---------------------------------------------------------------- snapshots (§7)

  private void parseSnapshot() {
    BitReader r = in;
    Slot s = spare;
    s.release();
    s.serverTime = r.readLong();
    int deltaNum = r.readByte();
    s.snapFlags = r.readByte();
    int areaBytes = r.readByte();
    if (areaBytes > 32) {
      throw fail("area mask length " + areaBytes + " > 32 (format doc §7)");
    }
    for (int i = 0; i < areaBytes; i++) {
      s.areaMask[i] = (byte) r.readByte();
    }
    s.areaBytes = areaBytes;
    s.messageNum = recordSequence;
    Slot base;
    boolean valid;
    int baseNum = recordSequence - deltaNum;
    if (deltaNum == 0 || baseNum <= 0) {
      base = null;
      valid = true;
    } else {
      Slot old = ring[baseNum & (PACKET_BACKUP - 1)];
      valid = old != null && old.valid && old.messageNum == baseNum
          && parseEntitiesNum - old.parseEntitiesNum <= MAX_PARSE_ENTITIES - 128;
      // An invalid base still drives the bit layout; its values are not used (§7).
      base = old != null ? old : emptySlot;
    }
    s.parseEntitiesNum = parseEntitiesNum;
    readPlayerState(base == null ? zeroPlayer : base.ps, s.ps);
    readPacketEntities(base == null ? emptySlot : base, s);
    parseEntitiesNum += s.count;
    s.valid = valid;
    s.hasClients = false;
    pendingSnapshot = s;
    pendingBase = base;
  }

  private void readPacketEntities(Slot old, Slot s) {
    BitReader r = in;
    int oldIndex = 0;
    int oldCount = old.count;
    int count = 0;
    int last = -1;
    int max = limits.maxEntitiesPerSnapshot();
    while (true) {
      int newnum = r.readBits(10);
      if (newnum == ENTITYNUM_NONE) {
        break;
      }
      if (newnum <= last) {
        throw fail("entity number " + newnum + " not above the previous " + last + " (format doc §7.1)");
      }
      last = newnum;
      int runEnd = oldIndex;
      while (runEnd < oldCount && old.nums[runEnd] < newnum) {
        runEnd++;
      }
      count = carry(old, oldIndex, runEnd, s, count, max);
      oldIndex = runEnd;
      int id;
      int shared = 0;
      if (oldIndex < oldCount && old.nums[oldIndex] == newnum) {
        id = readEntity(old.ids[oldIndex], false);
        if (ettv) {
          shared = readShared(old.sharedIds[oldIndex], false);
        }
        oldIndex++;
      } else {
        id = readEntity(baselines[newnum], false);
        if (ettv) {
          shared = readShared(sharedBaselines[newnum], false);
        }
      }
      if (id >= 0) {
        if (count == max) {
          throw new MessageFormatException("entities in one snapshot", "maxEntitiesPerSnapshot", max, count + 1L,
              r.position());
        }
        if (count == s.nums.length) {
          s.grow(count + 1);
        }
        s.nums[count] = newnum;
        s.types[count] = entities.get(id, E_TYPE);
        s.ids[count] = id;
        if (ettv) {
          s.sharedIds[count] = shared;
        }
        count++;
        s.count = count;
      }
    }
    count = carry(old, oldIndex, oldCount, s, count, max);
    s.count = count;
  }

  /** Carries the unchanged entities {@code old[start .. end)} into {@code s} at {@code count} (§7.1). */
  private int carry(Slot old, int start, int end, Slot s, int count, int max) {
    int n = end - start;
    if (n == 0) {
      return count;
    }
    if (count + n > max) {
      // the entity one past the limit, as if carried one by one
      throw new MessageFormatException("entities in one snapshot", "maxEntitiesPerSnapshot", max, max + 1L,
          in.position());
    }
    if (count + n > s.nums.length) {
      s.grow(count + n);
    }
    System.arraycopy(old.nums, start, s.nums, count, n);
    System.arraycopy(old.types, start, s.types, count, n);
    System.arraycopy(old.ids, start, s.ids, count, n);
    if (ettv) {
      System.arraycopy(old.sharedIds, start, s.sharedIds, count, n);
    }
    s.count = count + n;
    return count + n;
  }

  /**
   * Reads an entity delta (§8.1) against state {@code base}: returns −1 when removed, {@code base}
   * itself when unchanged, else a new state id. {@code permanent} states are never recycled
   * (baselines); others live as long as a snapshot of the ring refers to them.
   */
  private int readEntity(int base, boolean permanent) {
    BitReader r = in;
    if (r.readBit() == 1) {
      return -1;
    }
    if (r.readBit() == 0) {
      return base;
    }
    int id = permanent ? entities.permanent() : entities.take();
    EntityFields.read(in, entities.page(base), entities.offset(base), entities.page(id), entities.offset(id));
    return id;
  }

  /** Shared-part delta (§10.1), same conventions as {@link #readEntity} except removal gives state 0. */
  private int readShared(int base, boolean permanent) {
    BitReader r = in;
    int magic = r.readByte();
    if (magic != SHARED_MAGIC) {
      throw fail("shared-part magic " + magic + " is not 0x77 (format doc §10)");
    }
    if (r.readBit() == 1) {
      return 0;
    }
    if (r.readBit() == 0) {
      return base;
    }
    int id = permanent ? sharedParts.permanent() : sharedParts.take();
    int[] source = sharedParts.page(base);
    int from = sharedParts.offset(base);
    int[] store = sharedParts.page(id);
    int to = sharedParts.offset(id);
    int lc = r.readByte();
    if (lc > SHARED_FIELDS) {
      throw fail("shared field count " + lc + " > " + SHARED_FIELDS + " (format doc §10)");
    }
    for (int i = 0; i < lc; i++) {
      if (r.readBit() == 0) {
        store[to + i] = source[from + i];
      } else if (r.readBit() == 0) {
        store[to + i] = 0;
      } else {
        int w = SHARED_BITS[i];
        if (w == 0) {
          store[to + i] = r.readBit() == 0 ? EntityFields.integralFloat(r.readBits(13)) : r.readBits(32);
        } else {
          store[to + i] = r.readBits(w);
        }
      }
    }
    System.arraycopy(source, from + lc, store, to + lc, SHARED_FIELDS - lc);
    return id;
  }

  /** playerState delta (§8.2) from {@code from} into {@code to}. */
  private void readPlayerState(int[] from, int[] to) {
    BitReader r = in;
    System.arraycopy(from, 0, to, 0, PS_SIZE);
    int lc = r.readByte();
    if (lc > PLAYER_FIELDS) {
      throw fail("playerState field count " + lc + " > " + PLAYER_FIELDS + " (format doc §8.2)");
    }
    int[] bits = PLAYER_BITS;
    int i = 0;
    while (i < lc) {
      int run = Math.min(Math.min(Long.numberOfTrailingZeros(r.peek()), 56), lc - i);
      if (run > 0) {
        r.skip(run);
        i += run;
        continue;
      }
      r.skip(1);
      int w = bits[i++];
      if (w == 0) {
        to[i - 1] = r.readBit() == 0 ? EntityFields.integralFloat(r.readBits(13)) : r.readBits(32);
      } else if (w < 0) {
        to[i - 1] = r.readSignedBits(-w);
      } else {
        to[i - 1] = r.readBits(w);
      }
    }
    if (r.readBit() == 1) {
      readShortArray(to, PS_STATS);
      readShortArray(to, PS_PERSISTANT);
      readShortArray(to, PS_HOLDABLE);
      if (r.readBit() == 1) {
        int mask = r.readShort();
        for (int k = 0; k < 16; k++) {
          if ((mask & (1 << k)) != 0) {
            to[PS_POWERUPS + k] = r.readLong();
          }
        }
      }
    }
    if (r.readBit() == 1) {
      for (int j = 0; j < 4; j++) {
        readShortArray(to, PS_AMMO + 16 * j);
      }
    }
    for (int j = 0; j < 4; j++) {
      readShortArray(to, PS_AMMOCLIP + 16 * j);
    }
  }

  private void readShortArray(int[] to, int at) {
    BitReader r = in;
    if (r.readBit() == 0) {
      return;
    }
    int mask = r.readShort();
    for (int i = 0; i < 16; i++) {
      if ((mask & (1 << i)) != 0) {
        to[at + i] = r.readShort();
      }
    }
  }

  private void parseEttvPlayerStates() {
    BitReader r = in;
    Slot s = Objects.requireNonNull(pendingSnapshot);
    Slot base = pendingBase;
    s.hasClients = true;
    Arrays.fill(s.clientPresent, false);
    while (true) {
      int client = r.readByte();
      if (client == 255) {
        return;
      }
      if (client >= MAX_CLIENTS) {
        throw fail("ETTV playerstate client " + client + " outside 0..63 (format doc §10)");
      }
      if (s.clientPresent[client]) {
        throw fail("ETTV playerstate for client " + client + " twice in one snapshot (format doc §10)");
      }
      int[] from = base != null && base.hasClients && base.clientPresent[client] ? base.clientPs[client] : zeroPlayer;
      if (s.clientPs[client] == null) {
        s.clientPs[client] = new int[PS_SIZE];
      }
      readPlayerState(from, s.clientPs[client]);
      s.clientPresent[client] = true;
    }
  }

  private void finishSnapshot() {
    Slot s = Objects.requireNonNull(pendingSnapshot);
    pendingSnapshot = null;
    pendingBase = null;
    if (!s.valid) {
      s.release();
      return;
    }
    // Ring slots of messages skipped since the last valid snapshot can no longer be delta bases
    // (§7). The gap is computed in long: sequence numbers come from the file and may jump anywhere.
    long gap = (long) s.messageNum - lastValidMessageNum - 1;
    int skippedCount = (int) Math.max(0, Math.min(gap, PACKET_BACKUP - 1));
    for (int k = 1; k <= skippedCount; k++) {
      Slot skipped = ring[(s.messageNum - k) & (PACKET_BACKUP - 1)];
      if (skipped != null) {
        skipped.valid = false;
      }
    }
    int index = s.messageNum & (PACKET_BACKUP - 1);
    Slot previous = ring[index];
    ring[index] = s;
    if (previous == null) {
      previous = new Slot(ettv);
    }
    previous.release();
    spare = previous;
    lastValidMessageNum = s.messageNum;
    snapshots++;
    haveServerTime = true;
    lastServerTime = s.serverTime;
    if (wantsSnapshots) {
      view.slot = s;
      listener.onSnapshot(view);
      view.slot = null;
    }
    detectEvents(s);
  }

  /**
   * The stores' roots (see {@link StateStore}): the states of every snapshot that can still be
   * read or be a delta base — the ring, the spare slot being filled, the pending snapshot and its
   * base.
   */
  private void markSlots(StateStore store, boolean shared) {
    for (Slot slot : ring) {
      markSlot(store, slot, shared);
    }
    markSlot(store, spare, shared);
    markSlot(store, pendingSnapshot, shared);
    markSlot(store, pendingBase, shared);
  }

  private static void markSlot(StateStore store, @Nullable Slot slot, boolean shared) {
    if (slot == null) {
      return;
    }
    if (!shared) {
      store.markAll(slot.ids, slot.count);
    } else if (slot.sharedIds.length > 0) {
      store.markAll(slot.sharedIds, slot.count);
    }
  }

  // ---------------------------------------------------------------- events (§11)

  private void detectEvents(Slot s) {
    int serial = ++snapshotSerial;
    int events = 0;
    int threshold = etEvents;
    int[] types = s.types;
    StateStore store = entities;
    for (int i = 0, n = s.count; i < n; i++) {
      int type = types[i];
      if (type < threshold) {
        continue;
      }
      // Only event entities are tracked: a number that held a non-event entity in the previous
      // snapshot has a stale lastSeen, which correctly counts as "eType differs" (§11.1).
      if (++events > limits.maxEventsPerSnapshot()) {
        throw new MessageFormatException("event entities in one snapshot", "maxEventsPerSnapshot",
            limits.maxEventsPerSnapshot(), events, in.position());
      }
      int num = s.nums[i];
      int id = s.ids[i];
      int[] page = store.page(id);
      int at = store.offset(id);
      int other = page[at + E_OTHER_ENTITY_NUM];
      int other2 = page[at + E_OTHER_ENTITY_NUM2];
      boolean fresh = lastSeen[num] != serial - 1 || seenType[num] != type || seenOther[num] != other
          || seenOther2[num] != other2;
      lastSeen[num] = serial;
      seenType[num] = type;
      seenOther[num] = other;
      seenOther2[num] = other2;
      if (fresh && ((type - threshold) & ~0x300) == EV_OBITUARY) {
        obituary(s.serverTime, page, at);
      }
    }
  }

  private void obituary(int serverTime, int[] store, int at) {
    int target = store[at + E_OTHER_ENTITY_NUM];
    int killer = store[at + E_OTHER_ENTITY_NUM2];
    Integer attacker = killer >= 0 && killer < MAX_CLIENTS ? killer : null;
    Boolean headshot = version >= 2_084_000 ? store[at + E_LOOP_SOUND] != 0 : null;
    obituaries++;
    listener.onObituary(new Obituary(serverTime, target, attacker, MeansOfDeath.fromId(store[at + E_EVENT_PARM]),
        store[at + E_WEAPON], headshot));
  }

  // ---------------------------------------------------------------- storage

  /** One snapshot in the ring: entity numbers with their state ids in {@link StateStore}s. */
  static final class Slot {
    int messageNum;
    int serverTime;
    int snapFlags;
    int parseEntitiesNum;
    boolean valid;
    int count;
    int[] nums = new int[64];
    /** eType of each entity, kept beside the ids so event detection scans one small array. */
    int[] types = new int[64];
    int[] ids = new int[64];
    int[] sharedIds;
    final int[] ps = new int[PS_SIZE];
    final byte[] areaMask = new byte[32];
    int areaBytes;
    boolean hasClients;
    /** ETTV per-client player states (§10); empty arrays in protocol 84, where hasClients stays false. */
    final boolean[] clientPresent;
    final int[][] clientPs;

    Slot(boolean ettv) {
      sharedIds = ettv ? new int[64] : new int[0];
      clientPresent = new boolean[ettv ? MAX_CLIENTS : 0];
      clientPs = new int[ettv ? MAX_CLIENTS : 0][];
    }

    /** Makes room for at least {@code min} entities (capacity doubles, normally up to MAX_GENTITIES). */
    void grow(int min) {
      int n = Math.max(min, Math.min(nums.length * 2, MAX_GENTITIES));
      nums = Arrays.copyOf(nums, n);
      types = Arrays.copyOf(types, n);
      ids = Arrays.copyOf(ids, n);
      if (sharedIds.length > 0) {
        sharedIds = Arrays.copyOf(sharedIds, n);
      }
    }

    /** Drops the entities (their states are freed by the stores' next collection). */
    void release() {
      count = 0;
      valid = false;
    }

    /** Drops the entities without releasing them (the stores were cleared). */
    void forget() {
      count = 0;
      valid = false;
    }
  }

  /** Read-only view of the slot being delivered. */
  private final class SnapshotView implements Snapshot {
    @Nullable Slot slot;

    private Slot s() {
      Slot s = slot;
      if (s == null) {
        throw new IllegalStateException("snapshot used outside its onSnapshot callback");
      }
      return s;
    }

    @Override
    public int serverTime() {
      return s().serverTime;
    }

    @Override
    public int messageNum() {
      return s().messageNum;
    }

    @Override
    public int snapFlags() {
      return s().snapFlags;
    }

    @Override
    public int playerStateField(int field) {
      return s().ps[Objects.checkIndex(field, PLAYER_FIELDS)];
    }

    @Override
    public int stat(int index) {
      return s().ps[PS_STATS + Objects.checkIndex(index, 16)];
    }

    @Override
    public int persistant(int index) {
      return s().ps[PS_PERSISTANT + Objects.checkIndex(index, 16)];
    }

    @Override
    public int entityCount() {
      return s().count;
    }

    @Override
    public int entityNumber(int i) {
      Slot s = s();
      return s.nums[Objects.checkIndex(i, s.count)];
    }

    @Override
    public int entityField(int i, int field) {
      Slot s = s();
      int id = s.ids[Objects.checkIndex(i, s.count)];
      return entities.get(id, Objects.checkIndex(field, ENTITY_FIELDS));
    }

    @Override
    public boolean hasClientPlayerState(int client) {
      Slot s = s();
      return s.hasClients && client >= 0 && client < MAX_CLIENTS && s.clientPresent[client];
    }

    @Override
    public int clientPlayerStateField(int client, int field) {
      Slot s = s();
      if (!hasClientPlayerState(client)) {
        return 0;
      }
      return s.clientPs[client][Objects.checkIndex(field, PLAYER_FIELDS)];
    }
  }
}

package dev.fragkit.greatshot.demo;

/** {@code gamestate_t} (format doc §12.7). */
public enum GamePhase {
  INITIALIZE(-1), PLAYING(0), WARMUP_COUNTDOWN(1), WARMUP(2), INTERMISSION(3), WAITING_FOR_PLAYERS(4), RESET(5);

  private final int id;

  GamePhase(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The phase for a wire value; unknown values map to {@link #INITIALIZE}. */
  public static GamePhase fromId(int id) {
    for (GamePhase p : values()) {
      if (p.id == id) {
        return p;
      }
    }
    return INITIALIZE;
  }
}

-- Topshots pages are picked from the index alone (a deferred join): the player boards' indexes end
-- with slot, so an index entry names its row by primary key (demo_id, slot) and the inner
-- "ORDER BY ... LIMIT/OFFSET" needs no table access. Slot is also the last tie-breaker, which
-- makes the order total (two rows of one demo with the same clean name were unordered before).
DROP INDEX idx_greatshot_players_kills;
DROP INDEX idx_greatshot_players_damage;
DROP INDEX idx_greatshot_players_accuracy;
CREATE INDEX idx_greatshot_players_kills ON greatshot_player_stats (kills DESC, demo_id, player, slot);
CREATE INDEX idx_greatshot_players_damage ON greatshot_player_stats (damage_given DESC, demo_id, player, slot);
CREATE INDEX idx_greatshot_players_accuracy ON greatshot_player_stats (accuracy DESC, demo_id, player, slot, kills);

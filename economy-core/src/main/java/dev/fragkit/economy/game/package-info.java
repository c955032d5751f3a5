/** Games played against the house with bets held in escrow: blackjack and the idle sweeper. */
@NullMarked
package dev.fragkit.economy.game;

import org.jspecify.annotations.NullMarked;

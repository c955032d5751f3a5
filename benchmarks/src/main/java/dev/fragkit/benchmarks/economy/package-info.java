/** JMH benchmarks of economy-core: ledger transfers and keyed locks. */
package dev.fragkit.benchmarks.economy;

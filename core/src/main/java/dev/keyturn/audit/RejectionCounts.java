package dev.keyturn.audit;

/**
 * Where the webhook function keeps the counts of deliveries it rejected for a known source, per
 * source and minute. Writers add: tallies of one minute from several containers or flushes sum up.
 */
public interface RejectionCounts {

  /** Adds a tally's counts to its source's minute (first request kept, last one replaced). */
  void add(RejectionTally tally);
}

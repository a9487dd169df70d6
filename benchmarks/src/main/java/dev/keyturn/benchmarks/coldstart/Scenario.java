package dev.keyturn.benchmarks.coldstart;

import java.util.Map;

/**
 * One function's cold start under test: the keyturn handler (from template.yaml) and a bare handler
 * doing the same work with direct SDK calls, the state both need, and a fresh event for every run
 * (so every run does the full work, not a no-op).
 */
interface Scenario {

  /** What the run does, for the report. */
  String description();

  /** The function's logical id in template.yaml (handler class and shaded jar). */
  String templateFunction();

  /** The bare handler's class (in the cold-start launcher jar). */
  String bareHandler();

  /** Environment variables the function gets (besides the AWS endpoint settings). */
  Map<String, String> environment();

  /** Creates what every run needs (secrets, inventory, apps). Called once. */
  void seed();

  /** Prepares the state for one more run and returns its event JSON. */
  String nextEvent();

  /** Calls the run made to services other than AWS (the Heroku stand-in), by method and route. */
  default Map<String, Integer> callsOutsideAws() {
    return Map.of();
  }
}

package dev.keyturn.sync.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.observability.Metrics;
import dev.keyturn.sync.AppResult;
import dev.keyturn.sync.SyncReport;
import dev.keyturn.sync.SyncService;
import dev.keyturn.sync.fakes.GithubFixture;
import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import dev.keyturn.sync.fakes.InMemoryState;
import dev.keyturn.sync.fakes.Services;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import dev.keyturn.testing.github.GithubStandIn;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random plans against the GitHub stand-in: whatever the environment holds first (nothing, stale
 * values, the right values set by hand, unmanaged secrets, old names of a rename), and whatever
 * faults GitHub throws (secondary limits retried or beyond a sync's patience, 5xx retried or past
 * the retries), syncing until a run reports nothing incomplete leaves the environment equal to the
 * plan — every managed name holds its source value, renamed names are gone, unmanaged ones
 * untouched — and every run reports each target as done or names why not.
 */
class GithubConvergencePropertyTest {

  static final String REPO = "raxx/raptor";
  static final String TARGET = "github:raxx/raptor@production";

  static GithubStandIn github;

  @BeforeContainer
  static void start() {
    github = GithubStandIn.start();
  }

  @AfterContainer
  static void stop() {
    github.close();
  }

  /** One var: its value now, what the environment holds first, and an old name to retire. */
  record Var(String value, Initial initial, boolean renamed) {}

  enum Initial {
    ABSENT,
    STALE,
    SAME_BY_HAND
  }

  /**
   * A fault for the next request: answered, limited briefly or for long, failing briefly or long.
   */
  enum Fault {
    PASS,
    LIMIT_RETRIED,
    LIMIT_DEFERRED,
    ERROR_RETRIED,
    ERROR_PAST_RETRIES
  }

  @Provide
  Arbitrary<List<Var>> vars() {
    Arbitrary<Var> var =
        Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of(Initial.class),
                Arbitraries.of(true, false, false))
            .as(Var::new);
    return var.list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Fault>> faults() {
    return Arbitraries.of(Fault.class).list().ofMaxSize(12);
  }

  @Property(tries = 40)
  void syncingUntilComplete_leavesTheEnvironmentEqualToThePlan(
      @ForAll("vars") List<Var> vars,
      @ForAll("faults") List<Fault> faults,
      @ForAll boolean unmanagedSecret) {
    github.reset();
    github.createEnvironment(REPO, "production");
    InMemorySecrets secrets = new InMemorySecrets();
    InMemoryState state = new InMemoryState();
    Map<String, String> plan = new TreeMap<>();
    StringBuilder yaml = new StringBuilder("version: 1\nsecrets:\n");
    for (int i = 0; i < vars.size(); i++) {
      Var v = vars.get(i);
      String name = "V_" + i;
      secrets.put("keyturn/s" + i, v.value());
      plan.put(name, v.value());
      switch (v.initial()) {
        case STALE -> github.setSecretByHand(REPO, "production", name, "stale-" + v.value());
        case SAME_BY_HAND -> github.setSecretByHand(REPO, "production", name, v.value());
        case ABSENT -> {}
      }
      yaml.append("  - name: RX_S")
          .append(i)
          .append("\n    source: {secretsManager: keyturn/s")
          .append(i)
          .append(
              "}\n    sinks:\n      - github: {repo: raxx/raptor, environment: production, var: ")
          .append(name)
          .append(v.renamed() ? ", previousVar: OLD_" + i : "")
          .append("}\n");
    }
    if (unmanagedSecret) {
      github.setSecretByHand(REPO, "production", "UNMANAGED", "someone-elses");
    }
    InMemoryInventory inventory = new InMemoryInventory(yaml.toString());
    SyncService service =
        Services.sync(
            inventory,
            secrets,
            state,
            Clock.systemUTC(),
            Metrics.NONE,
            GithubFixture.port(github, secrets, 0));
    // phase 1 of any rename: both names published, without faults
    assertThat(runUntilComplete(service, 1).incomplete()).isEmpty();
    inventory.replace(yaml.toString().replaceAll(", previousVar: OLD_\\d+", ""));
    secrets.put("keyturn/s0", vars.getFirst().value() + "-rotated");
    plan.put("V_0", vars.getFirst().value() + "-rotated");
    faults.forEach(GithubConvergencePropertyTest::arm);

    SyncReport last = runUntilComplete(service, faults.size() + 2);

    assertThat(last.incomplete()).isEmpty();
    TreeSet<String> expectedNames = new TreeSet<>(plan.keySet());
    if (unmanagedSecret) {
      expectedNames.add("UNMANAGED");
      assertThat(github.hasSecret(REPO, "production", "UNMANAGED", "someone-elses")).isTrue();
    }
    assertThat(github.secretNames(REPO, "production")).containsExactlyElementsOf(expectedNames);
    plan.forEach((name, value) ->
        assertThat(github.hasSecret(REPO, "production", name, value))
            .as("%s holds its source value", name)
            .isTrue());
    github.assertNoContractViolations();
  }

  /** Runs until a report is complete (at most {@code runs} times); every report names outcomes. */
  private static SyncReport runUntilComplete(SyncService service, int runs) {
    SyncReport report = null;
    for (int i = 0; i < runs; i++) {
      report = service.sync(SyncRequest.event(new Scope.AllSinks(), "property"));
      for (AppResult a : report.apps()) {
        assertThat(a.app()).isEqualTo(TARGET);
        if (!a.outcome().name().equals("PATCHED") && !a.outcome().name().equals("UNCHANGED")) {
          assertThat(a.reason()).as("an incomplete target says why").isNotBlank();
        }
      }
      if (report.incomplete().isEmpty()) {
        return report;
      }
    }
    return report;
  }

  private static void arm(Fault fault) {
    switch (fault) {
      case PASS -> github.passNext(1);
      case LIMIT_RETRIED -> github.secondaryLimitNext(1, 429, 0);
      case LIMIT_DEFERRED -> github.secondaryLimitNext(1, 403, 3600);
      case ERROR_RETRIED -> github.failNext(1, 502);
      case ERROR_PAST_RETRIES -> github.failNext(4, 503);
    }
  }
}

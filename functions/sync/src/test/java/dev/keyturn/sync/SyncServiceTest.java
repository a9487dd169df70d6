package dev.keyturn.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.json.Json;
import dev.keyturn.observability.Metrics;
import dev.keyturn.state.SyncStateStore.VarState;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.fakes.InMemoryHeroku;
import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import dev.keyturn.sync.fakes.InMemoryState;
import dev.keyturn.sync.fakes.Services;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncServiceTest {

  private static final String INVENTORY =
      """
      version: 1
      secrets:
        - name: RX_ONE
          source: {secretsManager: keyturn/one}
          sinks:
            - heroku: {app: alpha, var: ONE}
            - heroku: {app: beta, var: ONE}
        - name: RX_TWO
          source: {ssmParameter: /keyturn/two}
          sinks:
            - heroku: {app: alpha, var: TWO}
        - name: RX_THREE
          source: {secretsManager: keyturn/three}
          sinks:
            - heroku: {app: alpha, var: THREE}
      """;

  private final InMemoryInventory inventory = new InMemoryInventory(INVENTORY);
  private final InMemorySecrets secrets = new InMemorySecrets();
  private final InMemoryHeroku heroku = new InMemoryHeroku();
  private final InMemoryState state = new InMemoryState();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private final SyncService service =
      Services.sync(inventory, secrets, state, clock, Metrics.NONE, heroku);

  SyncServiceTest() {
    secrets.put("keyturn/one", "one-value-0000000001");
    secrets.put("/keyturn/two", "two-value-0000000002");
    secrets.put("keyturn/three", "three-value-000000003");
  }

  @Test
  void sync_sendsOnePatchPerApp_carryingOnlyTheChangedKeys() {
    heroku.set("alpha", "ONE", "one-value-0000000001");
    heroku.set("alpha", "TWO", "stale");
    heroku.set("alpha", "THREE", "three-value-000000003");

    SyncReport report = service.sync(waitingForRelease());

    assertThat(heroku.patchedApps).containsExactly("alpha", "beta");
    assertThat(result(report, "alpha").set()).containsExactly("TWO");
    assertThat(heroku.releases("alpha")).hasSize(1);
    assertThat(result(report, "alpha").releaseVersion()).isEqualTo(1);
    assertThat(heroku.vars("alpha").get("TWO").equals("two-value-0000000002")).isTrue();
  }

  @Test
  void sync_sendsNoPatch_whenEverythingIsInLine_norOnASecondRun() {
    service.sync(all());
    heroku.patchedApps.clear();

    SyncReport second = service.sync(all());
    SyncReport third = service.sync(all());

    assertThat(heroku.patchedApps).isEmpty();
    assertThat(second.apps()).extracting(AppResult::outcome).containsOnly(Outcome.UNCHANGED);
    assertThat(third.apps()).extracting(AppResult::outcome).containsOnly(Outcome.UNCHANGED);
  }

  @Test
  void sync_readsEverySourceInOneBatchedPass() {
    service.sync(all());

    assertThat(secrets.currentCalls.get()).isEqualTo(1);
  }

  @Test
  void sync_recordsVersionAndReleaseOfEveryPublishedVar_whenSomeoneWaitsForTheRelease() {
    service.sync(waitingForRelease());

    Map<String, VarState> alpha = state.vars("alpha");
    assertThat(alpha).containsOnlyKeys("ONE", "TWO", "THREE");
    assertThat(alpha.get("TWO").sourceVersion()).isEqualTo("v2");
    assertThat(alpha.get("TWO").releaseId()).isEqualTo(heroku.releases("alpha").getLast().id());
  }

  @Test
  void sync_auditsAppKeysVersionsAndRelease_butNoValue() {
    service.sync(waitingForRelease());

    AuditEvent patch =
        state.events.stream().filter(e -> e.subject().equals("alpha")).findFirst().orElseThrow();
    assertThat(patch.action()).isEqualTo("sync.patch");
    assertThat(patch.detail().get("keys")).isEqualTo("ONE,THREE,TWO");
    assertThat(patch.versionIds()).containsExactlyInAnyOrder("v1", "v2", "v3");
    assertThat(patch.detail().get("releaseId")).isEqualTo(heroku.releases("alpha").getLast().id());
    assertNoValueIn(Json.write(state.events));
  }

  @Test
  void sync_makesTwoHerokuCallsPerChangedApp_andOnePerUnchangedApp_leavingTheReleasePending() {
    heroku.set("beta", "ONE", "one-value-0000000001");

    SyncReport report = service.sync(all());

    assertThat(heroku.calls).as("alpha: GET + PATCH; beta: GET").isEqualTo(3);
    assertThat(result(report, "alpha").consumer())
        .isEqualTo("dynos restart (new release): release pending (api:release webhook)");
    assertThat(state.vars("alpha").values())
        .allSatisfy(v -> assertThat(v.releasePending()).isTrue());
    assertThat(heroku.releases("alpha")).as("the PATCH still made its release").hasSize(1);
  }

  @Test
  void sync_readsTheReleaseAfterThePatch_onlyWhenSomeoneWaitsForIt() {
    SyncReport report = service.sync(waitingForRelease());

    assertThat(heroku.calls).as("alpha and beta: GET + PATCH + GET release").isEqualTo(6);
    assertThat(result(report, "alpha").consumer()).endsWith("release v1");
    assertThat(state.vars("alpha").values())
        .allSatisfy(v -> assertThat(v.releasePending()).isFalse());
  }

  @Test
  void sync_leavesAnAppUntouched_whenOneOfItsSourcesIsMissing() {
    secrets.remove("/keyturn/two");

    SyncReport report = service.sync(all());

    assertThat(result(report, "alpha").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result(report, "alpha").reason()).isEqualTo("source_missing:RX_TWO");
    assertThat(heroku.vars("alpha")).isEmpty();
    assertThat(result(report, "beta").outcome()).isEqualTo(Outcome.PATCHED);
  }

  @Test
  void sync_neverTouchesUnmanagedVars() {
    heroku.set("alpha", "DATABASE_URL", "postgres://unmanaged");

    service.sync(all());

    assertThat(heroku.vars("alpha")).containsEntry("DATABASE_URL", "postgres://unmanaged");
  }

  @Test
  void sync_ofOneSecret_touchesOnlyThatSecretsVars() {
    heroku.set("alpha", "TWO", "stale");

    SyncReport report =
        service.sync(SyncRequest.event(new Scope.Sources(Set.of("keyturn/one")), "test"));

    assertThat(report.apps()).extracting(AppResult::app).containsExactly("alpha", "beta");
    assertThat(heroku.vars("alpha")).containsOnlyKeys("ONE", "TWO");
    assertThat(heroku.vars("alpha").get("TWO")).isEqualTo("stale");
  }

  @Test
  void sync_resolvesAnEventId_asAnEntryNameOrASourceId() {
    SyncReport byName =
        service.sync(SyncRequest.event(new Scope.Sources(Set.of("RX_TWO")), "test"));
    SyncReport bySource =
        service.sync(SyncRequest.event(new Scope.Sources(Set.of("keyturn/three")), "test"));

    assertThat(byName.apps()).extracting(AppResult::app).containsExactly("alpha");
    assertThat(bySource.apps()).extracting(AppResult::app).containsExactly("alpha");
    assertThat(heroku.vars("alpha")).containsOnlyKeys("TWO", "THREE");
  }

  @Test
  void sync_namesSourcesNoEntryUses_andTouchesNothing() {
    SyncReport report =
        service.sync(SyncRequest.event(new Scope.Sources(Set.of("keyturn/unknown")), "test"));

    assertThat(report.unknownSources()).containsExactly("keyturn/unknown");
    assertThat(report.apps()).isEmpty();
    assertThat(heroku.readApps).isEmpty();
  }

  @Test
  void sync_reportsDrift_andPutsTheValueBack() {
    service.sync(all());
    heroku.set("alpha", "THREE", "edited-in-the-dashboard");

    SyncReport report = service.sync(SyncRequest.event(new Scope.AllSinks(), "schedule"));

    assertThat(result(report, "alpha").drift()).containsExactly("THREE");
    assertThat(heroku.vars("alpha").get("THREE").equals("three-value-000000003")).isTrue();
    AuditEvent drift =
        state.events.stream()
            .filter(e -> e.action().equals("sync.drift"))
            .findFirst()
            .orElseThrow();
    assertThat(drift.detail().get("keys")).isEqualTo("THREE");
    assertThat(Json.write(state.events).contains("edited-in-the-dashboard")).isFalse();
  }

  @Test
  void sync_migratesARename_inBothPhases() {
    heroku.set("beta", "LEGACY_ONE", "one-value-0000000001");
    inventory.replace(
        INVENTORY.replace(
            "{app: beta, var: ONE}", "{app: beta, var: ONE, previousVar: LEGACY_ONE}"));

    service.sync(all());
    assertThat(heroku.vars("beta")).containsOnlyKeys("ONE", "LEGACY_ONE");

    inventory.replace(INVENTORY);
    SyncReport report = service.sync(all());

    assertThat(result(report, "beta").removed()).containsExactly("LEGACY_ONE");
    assertThat(heroku.vars("beta")).containsOnlyKeys("ONE");
    assertThat(heroku.releases("beta")).hasSize(2);
  }

  @Test
  void sync_publishesOneJsonFieldPerSink_whenSinksNameFields() {
    secrets.put(
        "keyturn/alpaca", "{\"key_id\":\"PKFIELD0001\",\"secret_key\":\"alpaca-secret-000001\"}");
    inventory.replace(
        INVENTORY
            + """
              - name: ALP_PAPER
                source: {secretsManager: keyturn/alpaca}
                sinks:
                  - heroku: {app: gamma, var: ALPACA_KEY_ID, field: key_id}
                  - heroku: {app: gamma, var: ALPACA_SECRET_KEY, field: secret_key}
            """);

    SyncReport report = service.sync(all());
    SyncReport again = service.sync(all());

    assertThat(heroku.vars("gamma"))
        .containsOnlyKeys("ALPACA_KEY_ID", "ALPACA_SECRET_KEY")
        .containsEntry("ALPACA_KEY_ID", "PKFIELD0001")
        .containsEntry("ALPACA_SECRET_KEY", "alpaca-secret-000001");
    assertThat(result(report, "gamma").outcome()).isEqualTo(Outcome.PATCHED);
    assertThat(result(again, "gamma").outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void sync_failsTheApp_namingEntryAndField_whenTheValueLacksTheField() {
    secrets.put("keyturn/alpaca", "alpaca-not-json-000001");
    inventory.replace(
        INVENTORY
            + """
              - name: ALP_PAPER
                source: {secretsManager: keyturn/alpaca}
                sinks:
                  - heroku: {app: gamma, var: ALPACA_KEY_ID, field: key_id}
            """);

    SyncReport report = service.sync(all());

    assertThat(result(report, "gamma").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result(report, "gamma").reason()).isEqualTo("field_missing:ALP_PAPER.key_id");
    assertThat(heroku.vars("gamma")).isEmpty();
    assertThat(Json.write(report.apps()).contains("alpaca-not-json")).isFalse();
  }

  @Test
  void sync_stopsEarly_whenTheRateLimitBudgetRunsLow() {
    heroku.budget(4);

    SyncReport report = service.sync(all());

    assertThat(result(report, "alpha").outcome()).isEqualTo(Outcome.PATCHED);
    assertThat(result(report, "beta").outcome()).isEqualTo(Outcome.DEFERRED);
    assertThat(heroku.patchedApps).containsExactly("alpha");
    assertThat(report.incomplete()).extracting(AppResult::app).containsExactly("beta");
  }

  @Test
  void sync_skipsAnAppWhoseLeaseIsHeld() {
    state.acquire("heroku#beta", "someone-else", Duration.ofMinutes(1), clock.instant());

    SyncReport report = service.sync(all());

    assertThat(result(report, "beta").outcome()).isEqualTo(Outcome.BUSY);
    assertThat(heroku.patchedApps).containsExactly("alpha");
    assertThat(state.leased("heroku#alpha")).as("own lease released").isFalse();
  }

  @Test
  void sync_refusesAnAppWhereTwoSecretsClaimOneVar() {
    inventory.replace(INVENTORY.replace("{app: alpha, var: THREE}", "{app: alpha, var: TWO}"));

    SyncReport report = service.sync(all());

    assertThat(result(report, "alpha").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result(report, "alpha").reason()).isEqualTo("conflicting_bindings:TWO");
    assertThat(heroku.vars("alpha")).isEmpty();
  }

  @Test
  void dryRun_returnsAMaskedPlan_andNeverPatches() {
    heroku.set("alpha", "TWO", "the-old-two-value-xyz");

    SyncReport report =
        service.sync(new SyncRequest(new Scope.App("alpha"), true, "direct", false));

    assertThat(heroku.patchedApps).isEmpty();
    AppResult alpha = result(report, "alpha");
    assertThat(alpha.outcome()).isEqualTo(Outcome.PLANNED);
    assertThat(alpha.set()).containsExactly("ONE", "THREE", "TWO");
    String json = Json.write(report.toMap());
    assertNoValueIn(json);
    assertThat(json.contains("the-old-two-value-xyz")).isFalse();
    assertThat(json).contains("t***z (21 chars)");
  }

  @Test
  @SuppressWarnings("unchecked")
  void plan_ofAnEntryWithProdAndStagingSources_showsEachSinksOwnSource_andAccountWideReadsProd() {
    secrets.put("keyturn/prod/pm", "pm-prod-value-000000001");
    secrets.put("keyturn/staging/pm", "pm-staging-value-000001");
    secrets.put("keyturn/prod/cf", "cf-account-value-000001");
    inventory.replace(
        """
        version: 1
        secrets:
          - name: PM_SERVER_MAIL
            environments: [prod, staging]
            source:
              prod: {secretsManager: keyturn/prod/pm}
              staging: {secretsManager: keyturn/staging/pm}
            sinks:
              - heroku: {app: raptor-prod, var: POSTMARK_TOKEN, env: prod}
              - heroku: {app: raptor-staging, var: POSTMARK_TOKEN, env: staging}
          - name: CF_DNS_EDIT
            scope: account
            environments: [prod]
            source: {prod: {secretsManager: keyturn/prod/cf}}
            sinks:
              - heroku: {app: raptor-prod, var: CF_TOKEN, env: prod}
              - heroku: {app: raptor-staging, var: CF_TOKEN, env: staging}
        """);

    SyncReport plan = service.sync(new SyncRequest(new Scope.AllSinks(), true, "test", false));
    service.sync(all());

    Map<String, String> stagingSources = new java.util.TreeMap<>();
    for (Map<String, Object> c :
        (List<Map<String, Object>>) result(plan, "raptor-staging").plan().get("changes")) {
      stagingSources.put((String) c.get("var"), (String) c.get("source"));
    }
    assertThat(stagingSources)
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of("CF_TOKEN", "keyturn/prod/cf", "POSTMARK_TOKEN", "keyturn/staging/pm")));
    assertThat(heroku.vars("raptor-prod").get("POSTMARK_TOKEN"))
        .isEqualTo("pm-prod-value-000000001");
    assertThat(heroku.vars("raptor-staging").get("POSTMARK_TOKEN"))
        .isEqualTo("pm-staging-value-000001");
    assertThat(heroku.vars("raptor-staging").get("CF_TOKEN")).isEqualTo("cf-account-value-000001");
  }

  @Test
  void sync_ofAStagingSourceChange_syncsTheEntry_byTheStagingSourceId() {
    secrets.put("keyturn/prod/pm", "pm-prod-value-000000001");
    secrets.put("keyturn/staging/pm", "pm-staging-value-000001");
    inventory.replace(
        """
        version: 1
        secrets:
          - name: PM_SERVER_MAIL
            environments: [prod, staging]
            source:
              prod: {secretsManager: keyturn/prod/pm}
              staging: {secretsManager: keyturn/staging/pm}
            sinks:
              - heroku: {app: raptor-staging, var: POSTMARK_TOKEN, env: staging}
        """);

    SyncReport report =
        service.sync(SyncRequest.event(new Scope.Sources(Set.of("keyturn/staging/pm")), "test"));

    assertThat(report.unknownSources()).isEmpty();
    assertThat(result(report, "raptor-staging").set()).containsExactly("POSTMARK_TOKEN");
  }

  @Test
  void sync_ignoresAnEventThatAsksForNothing() {
    SyncReport report = service.sync(SyncRequest.ignored("x", "nothing to do"));

    assertThat(report.ignored()).isEqualTo("nothing to do");
    assertThat(heroku.readApps).isEmpty();
  }

  private static SyncRequest all() {
    return new SyncRequest(new Scope.AllSinks(), false, "test", true);
  }

  /** As the CLI asks: the operator waits for the release. */
  private static SyncRequest waitingForRelease() {
    return new SyncRequest(new Scope.AllSinks(), false, "test", true, true);
  }

  private static AppResult result(SyncReport report, String app) {
    return report.apps().stream().filter(a -> a.app().equals(app)).findFirst().orElseThrow();
  }

  private static void assertNoValueIn(String text) {
    for (String value :
        List.of("one-value-0000000001", "two-value-0000000002", "three-value-000000003")) {
      assertThat(text.contains(value)).as("a secret value leaked").isFalse();
    }
  }
}

package dev.keyturn.sync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.state.SyncStateStore.VarState;
import dev.keyturn.sync.plan.VarChange.Reason;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static final String APP = "web";
  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

  private final Source a = new Source.SecretsManager("keyturn/a");
  private final Source b = new Source.SsmParameter("/keyturn/b");
  private final Source c = new Source.SecretsManager("keyturn/c");

  private final List<Binding> bindings =
      List.of(
          new Binding(APP, "A_KEY", "S_A", a, null),
          new Binding(APP, "B_KEY", "S_B", b, null),
          new Binding(APP, "C_KEY", "S_C", c, null));
  private final Map<String, SecretValue> values =
      Map.of(
          "S_A", new SecretValue(a.id(), "va2", "alpha-2"),
          "S_B", new SecretValue(b.id(), "3", "bravo-3"),
          "S_C", new SecretValue(c.id(), "vc1", "charlie-1"));

  @Test
  void plan_setsOnlyTheVarsWhoseValueDiffers() {
    Map<String, String> heroku =
        Map.of("A_KEY", "alpha-1", "B_KEY", "bravo-3", "C_KEY", "charlie-1");

    AppPlan plan = Planner.plan(APP, bindings, vars(bindings), values, heroku, Map.of());

    assertThat(plan.setKeys()).containsExactly("A_KEY");
    assertThat(plan.unchangedKeys()).containsExactly("B_KEY", "C_KEY");
    assertThat(plan.patch()).containsOnlyKeys("A_KEY");
    assertThat(plan.patch().get("A_KEY").equals("alpha-2")).isTrue();
  }

  @Test
  void plan_hasNoChanges_whenHerokuMatchesEverySource() {
    Map<String, String> heroku =
        Map.of("A_KEY", "alpha-2", "B_KEY", "bravo-3", "C_KEY", "charlie-1");

    AppPlan plan = Planner.plan(APP, bindings, vars(bindings), values, heroku, Map.of());

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.patch()).isEmpty();
  }

  @Test
  void plan_neverTouchesVarsTheInventoryDoesNotManage() {
    Map<String, String> heroku =
        Map.of(
            "DATABASE_URL",
            "postgres://x",
            "A_KEY",
            "old",
            "B_KEY",
            "bravo-3",
            "C_KEY",
            "charlie-1");
    Map<String, VarState> recorded = Map.of("DATABASE_URL", state("DATABASE_URL", "S_OTHER", "v9"));

    AppPlan plan = Planner.plan(APP, bindings, vars(bindings), values, heroku, recorded);

    assertThat(plan.vars()).extracting(VarChange::var).doesNotContain("DATABASE_URL");
    assertThat(plan.patch()).containsOnlyKeys("A_KEY");
  }

  @Test
  void plan_marksNewVars_andChangedSources() {
    Map<String, String> heroku = Map.of("B_KEY", "bravo-2", "C_KEY", "charlie-1");
    Map<String, VarState> recorded = Map.of("B_KEY", state("B_KEY", "S_B", "2"));

    AppPlan plan = Planner.plan(APP, bindings, vars(bindings), values, heroku, recorded);

    assertThat(reason(plan, "A_KEY")).isEqualTo(Reason.NEW);
    assertThat(reason(plan, "B_KEY")).isEqualTo(Reason.CHANGED);
    assertThat(reason(plan, "C_KEY")).isEqualTo(Reason.IN_SYNC);
    assertThat(plan.driftKeys()).isEmpty();
  }

  @Test
  void plan_reportsDrift_whenHerokuChangedAVersionKeyturnPublished() {
    Map<String, String> heroku = Map.of("A_KEY", "edited-by-hand", "B_KEY", "bravo-3");
    Map<String, VarState> recorded =
        Map.of(
            "A_KEY", state("A_KEY", "S_A", "va2"),
            "C_KEY", state("C_KEY", "S_C", "vc1"));

    AppPlan plan = Planner.plan(APP, bindings, vars(bindings), values, heroku, recorded);

    assertThat(plan.driftKeys()).containsExactly("A_KEY", "C_KEY");
    assertThat(plan.setKeys()).containsExactly("A_KEY", "C_KEY");
  }

  @Test
  void plan_setsBothNames_whileARenameIsInProgress() {
    List<Binding> renaming =
        List.of(
            new Binding(APP, "NEW_NAME", "S_A", a, null),
            new Binding(APP, "OLD_NAME", "S_A", a, "NEW_NAME"));
    Map<String, String> heroku = Map.of("OLD_NAME", "alpha-1");

    AppPlan plan = Planner.plan(APP, renaming, vars(renaming), values, heroku, Map.of());

    assertThat(plan.setKeys()).containsExactly("NEW_NAME", "OLD_NAME");
    assertThat(plan.removedKeys()).isEmpty();
  }

  @Test
  void plan_deletesTheOldName_onceTheRenameEnds_inTheSamePatch() {
    List<Binding> renamed = List.of(new Binding(APP, "NEW_NAME", "S_A", a, null));
    Map<String, String> heroku = Map.of("OLD_NAME", "alpha-1", "NEW_NAME", "alpha-1");
    Map<String, VarState> recorded =
        Map.of(
            "OLD_NAME", state("OLD_NAME", "S_A", "va1"),
            "NEW_NAME", state("NEW_NAME", "S_A", "va1"));

    AppPlan plan = Planner.plan(APP, renamed, vars(renamed), values, heroku, recorded);

    assertThat(plan.removedKeys()).containsExactly("OLD_NAME");
    Map<String, String> expected = new HashMap<>();
    expected.put("NEW_NAME", "alpha-2");
    expected.put("OLD_NAME", null);
    assertThat(plan.patch().equals(expected)).isTrue();
  }

  @Test
  void plan_keepsAnOldNameKeyturnNeverPublished() {
    List<Binding> renamed = List.of(new Binding(APP, "NEW_NAME", "S_A", a, null));
    Map<String, String> heroku = Map.of("OLD_NAME", "alpha-1", "NEW_NAME", "alpha-2");

    AppPlan plan = Planner.plan(APP, renamed, vars(renamed), values, heroku, Map.of());

    assertThat(plan.hasChanges()).isFalse();
  }

  @Test
  void plan_keepsAVarStillBoundOnTheAppOutsideTheScope() {
    List<Binding> scoped = List.of(new Binding(APP, "A_KEY", "S_A", a, null));
    Map<String, String> heroku = Map.of("A_KEY", "alpha-2", "SHARED", "x");
    Map<String, VarState> recorded = Map.of("SHARED", state("SHARED", "S_A", "va1"));

    AppPlan plan = Planner.plan(APP, scoped, Set.of("A_KEY", "SHARED"), values, heroku, recorded);

    assertThat(plan.removedKeys()).isEmpty();
  }

  @Test
  void statesToRecord_coversSetVars_andUnrecordedUnchangedVars_only() {
    Map<String, String> heroku =
        Map.of("A_KEY", "alpha-1", "B_KEY", "bravo-3", "C_KEY", "charlie-1");
    Map<String, VarState> recorded = Map.of("C_KEY", state("C_KEY", "S_C", "vc1"));
    AppPlan plan = Planner.plan(APP, bindings, vars(bindings), values, heroku, recorded);

    List<VarState> states = plan.statesToRecord("rel-1", 7, AT, recorded);

    assertThat(states).extracting(VarState::var).containsExactly("A_KEY", "B_KEY");
    assertThat(states.get(0).releaseId()).isEqualTo("rel-1");
    assertThat(states.get(0).sourceVersion()).isEqualTo("va2");
    assertThat(states.get(1).releaseId()).isNull();
  }

  @Test
  void toString_neverShowsAValue() {
    Map<String, String> heroku = Map.of("A_KEY", "previous-value-123456789");
    AppPlan plan = Planner.plan(APP, bindings, vars(bindings), values, heroku, Map.of());

    String text = plan.toString();

    assertThat(text.contains("alpha-2")).isFalse();
    assertThat(text.contains("previous-value-123456789")).isFalse();
    assertThat(text.contains("bravo-3")).isFalse();
  }

  private static Set<String> vars(List<Binding> bindings) {
    return Set.copyOf(bindings.stream().map(Binding::var).toList());
  }

  private static Reason reason(AppPlan plan, String var) {
    return plan.vars().stream().filter(v -> v.var().equals(var)).findFirst().orElseThrow().reason();
  }

  private static VarState state(String var, String secret, String version) {
    return new VarState(APP, var, secret, version, "rel-0", 1, AT, null);
  }
}

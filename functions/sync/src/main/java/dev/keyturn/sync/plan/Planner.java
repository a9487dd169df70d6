package dev.keyturn.sync.plan;

import dev.keyturn.secrets.SecretValue;
import dev.keyturn.state.SyncStateStore.VarState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares what the sources hold with what Heroku holds, for one app. Pure: no I/O, so every rule
 * is tested on plain values.
 *
 * <p>Only managed keys are ever touched: a var is set when it is bound in scope, and removed only
 * when keyturn published it for a secret that is still bound to this app under another name (the
 * end of a rename). A var Heroku has that keyturn never published is never deleted.
 */
public final class Planner {

  private Planner() {}

  /**
   * @param app the Heroku app
   * @param inScope the bindings of this app to sync now (all of them, or those of a changed secret)
   * @param allAppVars every var any inventory entry binds on this app (in scope or not)
   * @param values current source values; must hold a value for every binding in scope
   * @param heroku the app's config vars now
   * @param recorded what keyturn recorded publishing to this app
   */
  public static AppPlan plan(
      String app,
      List<Binding> inScope,
      Set<String> allAppVars,
      Map<String, SecretValue> values,
      Map<String, String> heroku,
      Map<String, VarState> recorded) {
    List<VarChange> out = new ArrayList<>();
    for (Binding b : sorted(inScope)) {
      SecretValue source = values.get(b.secretName());
      if (source == null || source.value() == null) {
        throw new IllegalArgumentException("no source value for " + b.secretName());
      }
      out.add(compare(b, b.published(source), heroku.get(b.var()), recorded.get(b.var())));
    }
    Set<String> secretsInScope =
        inScope.stream().map(Binding::secretName).collect(Collectors.toSet());
    for (VarState r : new TreeSet<>(recorded.keySet()).stream().map(recorded::get).toList()) {
      if (secretsInScope.contains(r.secretName())
          && !allAppVars.contains(r.var())
          && heroku.containsKey(r.var())) {
        out.add(
            new VarChange(
                r.var(),
                r.secretName(),
                VarChange.Action.REMOVE,
                VarChange.Reason.RENAMED,
                null,
                null,
                heroku.get(r.var())));
      }
    }
    return new AppPlan(app, out);
  }

  private static VarChange compare(
      Binding b, SecretValue source, String current, VarState recorded) {
    VarChange.Action action;
    VarChange.Reason reason;
    if (Objects.equals(source.value(), current)) {
      action = VarChange.Action.UNCHANGED;
      reason = VarChange.Reason.IN_SYNC;
    } else {
      action = VarChange.Action.SET;
      reason = whyDifferent(source, current, recorded);
    }
    return new VarChange(
        b.var(), b.secretName(), action, reason, source.versionId(), source.value(), current);
  }

  /**
   * Drift: keyturn published this very source version, so Heroku matched the source once, and now
   * it does not: someone changed (or deleted) the var outside keyturn.
   */
  private static VarChange.Reason whyDifferent(
      SecretValue source, String current, VarState recorded) {
    if (recorded != null && Objects.equals(recorded.sourceVersion(), source.versionId())) {
      return VarChange.Reason.DRIFT;
    }
    return current == null ? VarChange.Reason.NEW : VarChange.Reason.CHANGED;
  }

  private static List<Binding> sorted(List<Binding> bindings) {
    return bindings.stream().sorted(java.util.Comparator.comparing(Binding::var)).toList();
  }
}

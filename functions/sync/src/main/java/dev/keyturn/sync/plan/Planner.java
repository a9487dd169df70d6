package dev.keyturn.sync.plan;

import dev.keyturn.secrets.SecretValue;
import dev.keyturn.state.SyncStateStore.VarState;
import dev.keyturn.sync.sink.RemoteVar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares what the sources hold with what a target holds. Pure: no I/O, so every rule is tested on
 * plain values.
 *
 * <p>Only managed keys are ever touched: a var is set when it is bound in scope, and removed only
 * when keyturn published it for a secret that is still bound to this target under another name (the
 * end of a rename). A var the target has that keyturn never published is never deleted.
 *
 * <p>A target that returns values (Heroku, {@code .env}) is compared value by value. One that never
 * does (GitHub, Cloudflare) is compared against the keyed digest keyturn recorded when it
 * published: same digest and still there, unchanged since (by the target's {@code updated_at},
 * where it has one) = in sync; same digest but gone or changed by someone else = drift; a different
 * digest (or none recorded) = set.
 */
public final class Planner {

  /**
   * How far the target's clock may run ahead of ours: an {@code updated_at} later than this after
   * keyturn wrote a var (and before a baseline was recorded) is someone else's write.
   */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private Planner() {}

  /** Plans against a target that returns values (Heroku config vars, a {@code .env} file). */
  public static AppPlan plan(
      String app,
      List<Binding> inScope,
      Set<String> allAppVars,
      Map<String, SecretValue> values,
      Map<String, String> current,
      Map<String, VarState> recorded) {
    Map<String, RemoteVar> remote = new LinkedHashMap<>();
    current.forEach((k, v) -> remote.put(k, RemoteVar.of(v)));
    return plan(app, inScope, allAppVars, values, remote, recorded, null);
  }

  /**
   * @param app the target's key
   * @param inScope the bindings of this target to sync now (all, or those of a changed secret)
   * @param allAppVars every var any inventory entry binds on this target (in scope or not)
   * @param values current source values by {@link Binding#valueKey()}; one for every binding
   * @param remote what the target holds now
   * @param recorded what keyturn recorded publishing to this target
   * @param digester null for a target that returns values; else how published values are digested
   */
  public static AppPlan plan(
      String app,
      List<Binding> inScope,
      Set<String> allAppVars,
      Map<String, SecretValue> values,
      Map<String, RemoteVar> remote,
      Map<String, VarState> recorded,
      Digester digester) {
    List<VarChange> out = new ArrayList<>();
    for (Binding b : sorted(inScope)) {
      SecretValue source = values.get(b.valueKey());
      if (source == null || source.value() == null) {
        throw new IllegalArgumentException("no source value for " + b.valueKey());
      }
      SecretValue published = b.published(source);
      RemoteVar now = remote.get(b.var());
      VarState before = recorded.get(b.var());
      out.add(
          digester == null
              ? compare(b, published, now, before)
              : compareDigests(b, published, now, before, digester));
    }
    Set<String> secretsInScope =
        inScope.stream().map(Binding::secretName).collect(Collectors.toSet());
    for (VarState r : new TreeSet<>(recorded.keySet()).stream().map(recorded::get).toList()) {
      RemoteVar now = remote.get(r.var());
      if (secretsInScope.contains(r.secretName()) && !allAppVars.contains(r.var()) && now != null) {
        out.add(
            new VarChange(
                r.var(),
                r.secretName(),
                VarChange.Action.REMOVE,
                VarChange.Reason.RENAMED,
                null,
                null,
                now.value(),
                null,
                now.updatedAt(),
                true,
                null));
      }
    }
    return new AppPlan(app, out);
  }

  private static VarChange compare(
      Binding b, SecretValue source, RemoteVar now, VarState recorded) {
    String current = now == null ? null : now.value();
    if (Objects.equals(source.value(), current)) {
      return change(b, source, now, VarChange.Action.UNCHANGED, VarChange.Reason.IN_SYNC, null);
    }
    return change(
        b, source, now, VarChange.Action.SET, whyDifferent(source, current, recorded), null);
  }

  /**
   * Drift: keyturn published this very source version, so the target matched the source once, and
   * now it does not: someone changed (or deleted) the var outside keyturn.
   */
  private static VarChange.Reason whyDifferent(
      SecretValue source, String current, VarState recorded) {
    if (recorded != null && Objects.equals(recorded.sourceVersion(), source.versionId())) {
      return VarChange.Reason.DRIFT;
    }
    return current == null ? VarChange.Reason.NEW : VarChange.Reason.CHANGED;
  }

  private static VarChange compareDigests(
      Binding b, SecretValue source, RemoteVar now, VarState recorded, Digester digester) {
    String digest = digester.digest(b.var(), source.value());
    boolean published = recorded != null && digest.equals(recorded.digest());
    if (published && now != null && !changedSince(now, recorded)) {
      return change(b, source, now, VarChange.Action.UNCHANGED, VarChange.Reason.IN_SYNC, digest);
    }
    VarChange.Reason reason =
        published
            ? VarChange.Reason.DRIFT
            : now == null ? VarChange.Reason.NEW : VarChange.Reason.CHANGED;
    return change(b, source, now, VarChange.Action.SET, reason, digest);
  }

  /**
   * Whether someone wrote the var after keyturn did: its {@code updated_at} is later than the
   * baseline keyturn recorded, or (before there is one) later than keyturn's write plus {@link
   * #CLOCK_SKEW}. Targets that report no {@code updated_at} only show deletions.
   */
  static boolean changedSince(RemoteVar now, VarState recorded) {
    Instant updated = now.updatedAt();
    if (updated == null) {
      return false;
    }
    if (recorded.remoteUpdatedAt() != null) {
      return updated.isAfter(recorded.remoteUpdatedAt());
    }
    return recorded.syncedAt() != null && updated.isAfter(recorded.syncedAt().plus(CLOCK_SKEW));
  }

  private static VarChange change(
      Binding b,
      SecretValue source,
      RemoteVar now,
      VarChange.Action action,
      VarChange.Reason reason,
      String digest) {
    return new VarChange(
        b.var(),
        b.secretName(),
        action,
        reason,
        source.versionId(),
        source.value(),
        now == null ? null : now.value(),
        digest,
        now == null ? null : now.updatedAt(),
        now != null,
        source.id());
  }

  private static List<Binding> sorted(List<Binding> bindings) {
    return bindings.stream().sorted(java.util.Comparator.comparing(Binding::var)).toList();
  }
}

package dev.keyturn.testing.iam;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A function's journaled calls against its policy: (a) the calls the policy refuses, and (b) the
 * grants ({@code Sid/action}) no call used. A grant counts as used when one of its statement's
 * actions allowed a call on a resource and leading keys that statement covers.
 *
 * @param calls how many of the function's calls were checked
 * @param refused each refused call, described once (names and keys only)
 * @param unusedGrants {@code Sid/action} of grants no recorded call needed
 */
public record PolicyCoverage(int calls, Set<String> refused, Set<String> unusedGrants) {

  /**
   * @param madeBy class-name prefixes of the function's code (its handlers and services): a
   *     journaled call with one of them on its stack is the function's
   */
  public static PolicyCoverage of(
      TemplatePolicy policy, List<CallJournal.Entry> journal, List<String> madeBy) {
    Set<String> refused = new TreeSet<>();
    Set<String> unused = new LinkedHashSet<>(policy.grants());
    int calls = 0;
    for (CallJournal.Entry entry : journal) {
      if (!entry.madeByAny(madeBy)) {
        continue;
      }
      calls++;
      AwsCall call = entry.call();
      policy.refusal(call).ifPresent(refused::add);
      for (TemplatePolicy.Need need : policy.needs(call)) {
        for (TemplatePolicy.Statement s : policy.allowing(need)) {
          s.actions().stream()
              .filter(a -> Globs.matches(a, need.action(), true))
              .forEach(a -> unused.remove(s.sid() + "/" + a));
        }
      }
    }
    return new PolicyCoverage(calls, refused, unused);
  }
}

package dev.keyturn.testing.leak;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Looks for seeded secret values in captured log events and console lines. */
public final class OutputLeakScan {

  private OutputLeakScan() {}

  /** One {@link Leak} per source (logger or stream) and form, in order of first appearance. */
  public static List<Leak> scan(List<CapturedOutput.Entry> entries, SecretMatcher secrets) {
    Set<Leak> leaks = new LinkedHashSet<>();
    if (secrets.isEmpty()) {
      return List.of();
    }
    for (CapturedOutput.Entry entry : entries) {
      secrets
          .find(entry.text())
          .ifPresent(form -> leaks.add(new Leak(describe(entry.source()), form)));
    }
    return new ArrayList<>(leaks);
  }

  private static String describe(String source) {
    return source.startsWith("System.") ? source : "logger " + source;
  }
}

package dev.keyturn.testing.leak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks for seeded secret values in files another process wrote: the database servers' own logs
 * (PostgreSQL's statement log, MariaDB's general log, Redis's log). One {@link Leak} per file and
 * form, naming the first line it is on.
 */
public final class FileLeakScan {

  private FileLeakScan() {}

  /** Leaks in {@code file} (absent: none), located as {@code label} and the line number. */
  public static List<Leak> scan(Path file, String label, SecretMatcher secrets) {
    if (secrets.isEmpty() || !Files.exists(file)) {
      return List.of();
    }
    Map<String, Leak> byForm = new LinkedHashMap<>();
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader reader =
        new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        int at = number;
        secrets
            .find(line)
            .ifPresent(form -> byForm.putIfAbsent(form, new Leak(label + " line " + at, form)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " for the leak check", e);
    }
    return new ArrayList<>(byForm.values());
  }
}

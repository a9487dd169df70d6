package dev.keyturn.testing.iam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS calls of one test JVM, in a file: one line per call with its action, resources, leading
 * keys, the production classes of the module under test that were on the stack (the classes loaded
 * from {@value #MAIN_CLASSES_PROPERTY}, by default {@code target/classes}) and the tags of the
 * secrets it named. A call with none of them on the stack is a test's own (seeding, reading back);
 * one with the function's handler or service on it is the function's. Names, keys and tags only,
 * never values.
 */
public final class CallJournal {

  /** The file to write; unset, nothing is written. The file is emptied when the JVM starts it. */
  public static final String JOURNAL_PROPERTY = "keyturn.aws-calls.journal";

  /** The module's production class directory (default {@code target/classes}). */
  public static final String MAIN_CLASSES_PROPERTY = "keyturn.aws-calls.main-classes";

  /** One journaled call and the module's production classes that made it. */
  public record Entry(AwsCall call, Set<String> madeBy) {

    /** Whether a class whose name starts with one of {@code prefixes} made the call. */
    public boolean madeByAny(List<String> prefixes) {
      return madeBy.stream().anyMatch(c -> prefixes.stream().anyMatch(c::startsWith));
    }
  }

  private static final Path FILE = start();
  private static final Path MAIN_CLASSES =
      Path.of(System.getProperty(MAIN_CLASSES_PROPERTY, "target/classes")).toAbsolutePath();
  private static final StackWalker STACK =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private CallJournal() {}

  private static Path start() {
    String file = System.getProperty(JOURNAL_PROPERTY);
    if (file == null || file.isBlank()) {
      return null;
    }
    Path path = Path.of(file).toAbsolutePath();
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  static void append(AwsCall call) {
    if (FILE == null) {
      return;
    }
    String line =
        String.join(
                "\t",
                call.action(),
                String.join(",", call.resources()),
                String.join(",", call.leadingKeys()),
                String.join(",", productionFrames()),
                tags(call.tags()))
            + "\n";
    synchronized (CallJournal.class) {
      try {
        Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<String> productionFrames() {
    Set<String> out = new LinkedHashSet<>();
    STACK.forEach(frame -> {
      Class<?> type = frame.getDeclaringClass();
      if (fromMainClasses(type)) {
        out.add(type.getName());
      }
    });
    return List.copyOf(out);
  }

  private static boolean fromMainClasses(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return false;
    }
    try {
      return Path.of(source.getLocation().toURI()).toAbsolutePath().equals(MAIN_CLASSES);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The calls journaled in {@code file}. */
  public static List<Entry> read(Path file) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      out.add(
          new Entry(
              new AwsCall(f[0], list(f[1]), list(f[2]), f.length > 4 ? tags(f[4]) : Map.of()),
              new LinkedHashSet<>(list(f[3]))));
    }
    return out;
  }

  /** {@code resource=key=value&key=value,...}, each part URL-encoded. */
  private static String tags(Map<String, Map<String, String>> tags) {
    List<String> out = new ArrayList<>();
    tags.forEach((resource, byKey) -> {
      List<String> pairs = new ArrayList<>();
      byKey.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
      out.add(encode(resource) + "=" + String.join("&", pairs));
    });
    return String.join(",", out);
  }

  private static Map<String, Map<String, String>> tags(String field) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String entry : list(field)) {
      int eq = entry.indexOf('=');
      Map<String, String> byKey = new LinkedHashMap<>();
      for (String pair : entry.substring(eq + 1).split("&")) {
        if (!pair.isEmpty()) {
          String[] kv = pair.split("=", 2);
          byKey.put(decode(kv[0]), decode(kv[1]));
        }
      }
      out.put(decode(entry.substring(0, eq)), byKey);
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static List<String> list(String field) {
    return field.isEmpty() ? List.of() : Arrays.asList(field.split(","));
  }
}

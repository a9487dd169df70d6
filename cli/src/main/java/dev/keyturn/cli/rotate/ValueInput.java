package dev.keyturn.cli.rotate;

import dev.keyturn.cli.common.Terminal;
import dev.keyturn.cli.common.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Where a new value a person supplies comes from: standard input (on a terminal: a prompt without
 * echo, asked twice), or one file per entry ({@code --from-dir}). The value is never printed; the
 * errors name the entry, never the value.
 */
final class ValueInput {

  /** Values longer than this are not credentials: refuse instead of reading on. */
  static final int MAX_BYTES = 64 * 1024;

  private ValueInput() {}

  /**
   * Reads the value for {@code name}: asked on the terminal when a person is at one, else
   * everything on this process's standard input.
   */
  static String fromStdin(String name, Terminal terminal) {
    if (terminal.interactive()) {
      return prompted(name, terminal::readHidden);
    }
    return piped(name, System.in);
  }

  /**
   * Asks twice without echo; the two answers must match.
   *
   * @param readHidden reads one line without echo after printing the prompt; null at end of input
   */
  static String prompted(String name, Function<String, char[]> readHidden) {
    char[] first = readHidden.apply("new value for " + name + " (input hidden): ");
    char[] second = readHidden.apply("again, to confirm: ");
    try {
      if (first == null || second == null) {
        throw new UsageException("no value for " + name + ": the input ended; nothing changed");
      }
      if (!Arrays.equals(first, second)) {
        throw new UsageException("the two values typed for " + name + " differ; nothing changed");
      }
      return requireValue(name, new String(first));
    } finally {
      wipe(first);
      wipe(second);
    }
  }

  /** Everything on the stream, less one trailing line break (echo and editors add one). */
  static String piped(String name, InputStream in) {
    try {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new UsageException(
            "the value for " + name + " is longer than " + MAX_BYTES + " bytes; nothing changed");
      }
      return requireValue(name, stripLineBreak(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the value for " + name + " from stdin", e);
    }
  }

  /** The value for {@code name} from {@code dir/name}, or null when there is no such file. */
  static String fromDir(Path dir, String name) {
    Path file = dir.resolve(name);
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UsageException(
            file + " is longer than " + MAX_BYTES + " bytes; it cannot hold a credential");
      }
      return requireValue(name, stripLineBreak(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException missing) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String stripLineBreak(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  private static String requireValue(String name, String value) {
    if (value.isBlank()) {
      throw new UsageException("no value for " + name + " (the input is empty); nothing changed");
    }
    return value;
  }

  private static void wipe(char[] chars) {
    if (chars != null) {
      Arrays.fill(chars, '\0');
    }
  }
}

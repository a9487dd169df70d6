package dev.keyturn.sync.dotenv;

import java.nio.file.Path;
import java.util.List;

/**
 * What happened to one {@code .env} file. Names only.
 *
 * @param changed keys written (or, in a dry run, that would be)
 * @param unchanged keys that already held the source value
 * @param failure why nothing was written, or null
 */
public record DotenvResult(
    Path file, List<String> changed, List<String> unchanged, String failure) {

  public DotenvResult {
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
  }
}

package dev.keyturn.cli.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and git commit the jar was built from: {@code build.properties}, written by the build
 * (cli/pom.xml, {@code git rev-parse HEAD} at process-resources).
 *
 * @param version the Maven project version
 * @param commit the full commit id, or {@code unknown} when built outside a git checkout
 * @param dirty the working tree had uncommitted changes to tracked files
 */
public record BuildInfo(String version, String commit, boolean dirty) {

  static final String RESOURCE = "/dev/keyturn/cli/build.properties";

  public static BuildInfo load() {
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new BuildInfo("dev", "unknown", false);
      }
      Properties p = new Properties();
      p.load(in);
      return new BuildInfo(
          p.getProperty("version", "dev"),
          p.getProperty("commit", "unknown").strip(),
          "true".equals(p.getProperty("dirty", "false").strip()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 0.1.0 (commit 1a2b3c4d5e6f)}, with {@code +uncommitted changes} when dirty. */
  public String describe() {
    String shortCommit = commit.length() > 12 ? commit.substring(0, 12) : commit;
    return version + " (commit " + shortCommit + (dirty ? " +uncommitted changes" : "") + ")";
  }
}

package dev.keyturn;

import java.nio.file.Path;

/** Files of the repository (examples/, template.yaml), found from any module's directory. */
public final class RepoFiles {

  private RepoFiles() {}

  public static Path resolve(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !dir.resolve("template.yaml").toFile().exists()) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the keyturn repository");
    }
    return dir.resolve(relative);
  }
}

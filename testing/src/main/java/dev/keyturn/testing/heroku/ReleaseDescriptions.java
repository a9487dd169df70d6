package dev.keyturn.testing.heroku;

import java.util.List;

/** Release descriptions worded the way Heroku words them for config var changes. */
final class ReleaseDescriptions {

  private ReleaseDescriptions() {}

  /**
   * "Set A, B config vars", "Remove C config var", "Set A and remove C config vars"; an empty PATCH
   * (which Heroku still releases) reads "Update config vars".
   */
  static String forConfigChange(List<String> set, List<String> removed) {
    if (set.isEmpty() && removed.isEmpty()) {
      return "Update config vars";
    }
    String noun = set.size() + removed.size() == 1 ? "config var" : "config vars";
    if (removed.isEmpty()) {
      return "Set " + String.join(", ", set) + " " + noun;
    }
    if (set.isEmpty()) {
      return "Remove " + String.join(", ", removed) + " " + noun;
    }
    return "Set "
        + String.join(", ", set)
        + " and remove "
        + String.join(", ", removed)
        + " "
        + noun;
  }
}

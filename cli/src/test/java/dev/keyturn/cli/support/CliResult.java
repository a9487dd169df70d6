package dev.keyturn.cli.support;

/** One CLI run: exit code and what it printed. Holds no secret value (checked by {@link Cli}). */
public record CliResult(int exit, String out, String err) {

  /** Everything printed, for "does not mention" checks. */
  public String all() {
    return out + err;
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}

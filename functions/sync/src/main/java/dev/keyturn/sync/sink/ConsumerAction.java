package dev.keyturn.sync.sink;

/** What a consumer of a target must do, or what happens on its own, to run with a new value. */
public enum ConsumerAction {
  /** Heroku: the change makes a release, which restarts the dynos. */
  RESTART("dynos restart (new release)"),
  /** GitHub Actions: nothing until the next workflow run, which reads the secret. */
  NEXT_WORKFLOW_RUN("next workflow run reads it"),
  /** Cloudflare Workers: setting a secret deploys a new version of the Worker. */
  NEW_VERSION("new Worker version deployed"),
  /** A local {@code .env} file: processes read it when started again. */
  RESTART_PROCESS("restart the local process");

  private final String description;

  ConsumerAction(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}

package dev.keyturn.local.db;

/**
 * A server's Debian package is not installed. The message says how to install it; tests that need
 * the server are skipped for it unless {@code KEYTURN_DATABASES=required} (what {@code bin/test}
 * sets), where they fail instead.
 */
public final class ServerNotInstalledException extends RuntimeException {

  private final String packageName;

  public ServerNotInstalledException(String packageName, String missing) {
    super(
        missing
            + " not found: install the Debian package with `apt-get install -y "
            + packageName
            + "` (bin/test does)");
    this.packageName = packageName;
  }

  public String packageName() {
    return packageName;
  }
}

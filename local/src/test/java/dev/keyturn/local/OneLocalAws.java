package dev.keyturn.local;

/**
 * The local AWS this test JVM shares: the backend {@value LocalAwsBackends#VARIABLE} selects,
 * started on first use and stopped when the JVM exits. Test classes reset what they use.
 */
public final class OneLocalAws {

  private static LocalAws instance;

  private OneLocalAws() {}

  public static synchronized LocalAws get() {
    if (instance == null) {
      LocalAws started = LocalAws.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "one-local-aws-stop"));
      instance = started;
    }
    return instance;
  }
}

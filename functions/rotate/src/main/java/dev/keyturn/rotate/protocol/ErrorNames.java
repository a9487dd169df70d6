package dev.keyturn.rotate.protocol;

/**
 * How failures are named in records and audit events. keyturn's own exceptions carry names and ids
 * by design, so their message is kept; any other exception (SDK, JDK, libraries) is named by its
 * type only, because its message is not ours to vouch for.
 */
public final class ErrorNames {

  private ErrorNames() {}

  public static String describe(Throwable error) {
    String type = error.getClass().getSimpleName();
    boolean ours = error.getClass().getName().startsWith("dev.keyturn.");
    return ours && error.getMessage() != null ? type + ": " + error.getMessage() : type;
  }
}

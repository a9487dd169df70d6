package dev.keyturn.cli.rotate;

/** keyturn cannot rotate this entry as things stand (no generator, no rotation Lambda, ...). */
public final class NotRotatableException extends RuntimeException {

  private final String name;

  NotRotatableException(String name, String reason) {
    super("cannot rotate " + name + ": " + reason);
    this.name = name;
  }

  public String name() {
    return name;
  }
}

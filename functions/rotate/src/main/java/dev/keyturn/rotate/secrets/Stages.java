package dev.keyturn.rotate.secrets;

/** The staging labels Secrets Manager's rotation protocol uses. */
public final class Stages {

  public static final String CURRENT = "AWSCURRENT";
  public static final String PENDING = "AWSPENDING";
  public static final String PREVIOUS = "AWSPREVIOUS";

  private Stages() {}
}

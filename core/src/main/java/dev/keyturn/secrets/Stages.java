package dev.keyturn.secrets;

import java.util.List;

/**
 * Every version label keyturn reads or writes, in one place: Secrets Manager's staging labels (its
 * rotation protocol) and the labels the sweep puts on SSM parameter versions.
 */
public final class Stages {

  /** The version every reader gets. */
  public static final String CURRENT = "AWSCURRENT";

  /** The version a rotation is bringing in (RotateSecret makes it, finishSecret promotes it). */
  public static final String PENDING = "AWSPENDING";

  /** The version AWSCURRENT was moved off (Secrets Manager labels it when AWSCURRENT moves). */
  public static final String PREVIOUS = "AWSPREVIOUS";

  /** Every version that may still sign or authenticate, in the order a verifier tries them. */
  public static final List<String> LIVE = List.of(CURRENT, PENDING, PREVIOUS);

  /** SSM: the label on the parameter version the sweep last wrote. */
  public static final String PARAMETER_CURRENT = "current";

  /** SSM: the label on the version before it. */
  public static final String PARAMETER_PREVIOUS = "previous";

  private Stages() {}
}

package dev.keyturn.observability;

/** Dimension names. Values are names and short codes from fixed sets, never secret values. */
public final class Dimensions {

  /** The Lambda function's name; on every record. */
  public static final String FUNCTION_NAME = "FunctionName";

  /** A rotation step's event name ({@code createSecret} ... {@code finishSecret}). */
  public static final String STEP = "Step";

  /** Why a webhook delivery was rejected (an enum name such as {@code SIGNATURE_MISMATCH}). */
  public static final String REASON = "Reason";

  private Dimensions() {}
}

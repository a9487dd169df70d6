package dev.keyturn.secrets;

/** How a create-if-absent ended; both mean the resource now holds the value asked for. */
public enum Creation {
  /** This call created it. */
  CREATED,
  /**
   * It already held exactly that value: an earlier run created it, or this call's own first attempt
   * was applied and its retry found the result.
   */
  ALREADY_PRESENT
}

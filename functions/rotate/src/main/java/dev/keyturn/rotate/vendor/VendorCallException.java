package dev.keyturn.rotate.vendor;

/**
 * A vendor refused a call or could not be reached. Carries the vendor, the operation, the HTTP
 * status (0 when there was no response) and the vendor's error id: never a credential or a body.
 */
public final class VendorCallException extends RuntimeException {

  private final String vendor;
  private final String operation;
  private final int status;
  private final String errorId;

  public VendorCallException(String vendor, String operation, int status, String errorId) {
    super(
        vendor
            + " "
            + operation
            + " failed"
            + (status > 0 ? " with HTTP " + status : " without a response")
            + (errorId == null ? "" : " (" + errorId + ")"));
    this.vendor = vendor;
    this.operation = operation;
    this.status = status;
    this.errorId = errorId;
  }

  public String vendor() {
    return vendor;
  }

  public String operation() {
    return operation;
  }

  /** The HTTP status, or 0 when the vendor did not answer. */
  public int status() {
    return status;
  }

  /** The vendor's error id (e.g. Heroku's {@code unauthorized}), or null. */
  public String errorId() {
    return errorId;
  }
}

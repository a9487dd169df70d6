package dev.keyturn.testing.fakes;

/**
 * A request the real service would refuse (a missing secret, a version that already holds another
 * value, a label that is not where the request says), named by the service's error code. Adapters
 * let the SDK's exception through in these cases; callers see a {@link RuntimeException} either
 * way.
 */
public final class FakeServiceException extends RuntimeException {

  private final String errorCode;

  public FakeServiceException(String errorCode, String message) {
    super(errorCode + ": " + message);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }
}

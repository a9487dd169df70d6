package dev.keyturn.rotate.sender;

import java.util.List;

/**
 * Some senders of a rotated secret were not updated; finishSecret fails so its retry hands over
 * again. Names the secret and the webhook sources, never a value.
 */
public final class SenderHandoverException extends RuntimeException {

  public SenderHandoverException(String secretName, List<String> sources, Throwable first) {
    super(
        "webhook senders of "
            + secretName
            + " not updated: "
            + String.join(", ", sources)
            + " (first: "
            + dev.keyturn.rotate.protocol.ErrorNames.describe(first)
            + ")",
        first);
  }
}

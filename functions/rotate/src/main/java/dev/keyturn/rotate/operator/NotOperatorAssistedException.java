package dev.keyturn.rotate.operator;

import dev.keyturn.inventory.RotationMode;

/** A value was supplied for an entry whose value keyturn makes (or that does not rotate). */
public final class NotOperatorAssistedException extends RuntimeException {

  private final String secretName;

  public NotOperatorAssistedException(String secretName, RotationMode mode) {
    super(
        "cannot rotate "
            + secretName
            + " to a supplied value: its mode is "
            + mode.label()
            + switch (mode) {
              case GENERATED -> " (keyturn makes its value): rotate it without --from-stdin";
              case VENDOR ->
                  " (keyturn asks the vendor's API for it): rotate it without --from-stdin";
              case NONE -> " (tagged rotation: non-rotating)";
              case OPERATOR -> "";
            });
    this.secretName = secretName;
  }

  public String secretName() {
    return secretName;
  }
}

package dev.keyturn.rotate.protocol;

import java.util.Optional;

/** The four steps of Secrets Manager's rotation protocol, by their event names. */
public enum RotationStep {
  CREATE_SECRET("createSecret"),
  SET_SECRET("setSecret"),
  TEST_SECRET("testSecret"),
  FINISH_SECRET("finishSecret");

  private final String eventName;

  RotationStep(String eventName) {
    this.eventName = eventName;
  }

  /** The name in the event's {@code Step} field, also used in records and audit actions. */
  public String eventName() {
    return eventName;
  }

  public static Optional<RotationStep> fromEventName(String name) {
    for (RotationStep step : values()) {
      if (step.eventName.equals(name)) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }
}

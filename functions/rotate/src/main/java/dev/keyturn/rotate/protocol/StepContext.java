package dev.keyturn.rotate.protocol;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.secrets.SecretDescription;
import java.util.Map;

/**
 * What one step works on: the event, the inventory entry and the secret's labels as described at
 * the start of the step.
 */
record StepContext(RotationEvent event, SecretEntry entry, SecretDescription metadata) {

  String secretId() {
    return event.secretId();
  }

  String token() {
    return event.token();
  }

  /** The inventory name: the subject of records, audit events and errors. */
  String name() {
    return entry.name();
  }

  RotationStep step() {
    return event.step();
  }

  /** The generator type, or null when the entry has none. */
  String generatorType() {
    return entry.generatorSpec().map(GeneratorSpec::type).orElse(null);
  }

  Map<String, String> generatorOptions() {
    return entry.generatorSpec().map(GeneratorSpec::options).orElse(Map.of());
  }
}

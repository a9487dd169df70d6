package dev.keyturn.cli.rotate;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.rotate.sweep.ParameterInfo;
import dev.keyturn.rotate.sweep.ParameterStore;
import dev.keyturn.rotate.sweep.ParameterValue;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Views of the sweep's ports that make it rotate one entry now: the inventory holds only that entry
 * (without its expiry, so rotating sends no expiry alert), and neither the table nor SSM knows when
 * it last changed, so its cadence counts as elapsed. Every write goes through unchanged.
 */
final class ForcedDue {

  private ForcedDue() {}

  static InventoryStore only(SecretEntry entry) {
    SecretEntry withoutExpiry =
        new SecretEntry(
            entry.name(),
            entry.source(),
            entry.tags(),
            entry.environments(),
            entry.scope(),
            entry.devAnalog(),
            entry.generator(),
            null,
            entry.scopes(),
            entry.review(),
            entry.sinks());
    return new OneEntry(withoutExpiry);
  }

  static ParameterStore parameters(ParameterStore real) {
    return new Parameters(real);
  }

  static RotationStore rotations(RotationStore real) {
    return new Rotations(real);
  }

  private record OneEntry(SecretEntry entry) implements InventoryStore {
    @Override
    public List<SecretEntry> secrets() {
      return List.of(entry);
    }

    @Override
    public Optional<SecretEntry> secret(String name) {
      return Optional.of(entry).filter(e -> e.name().equals(name));
    }

    @Override
    public Optional<SecretEntry> secretBySourceId(String sourceId) {
      return Optional.of(entry).filter(e -> e.source().id().equals(sourceId));
    }

    @Override
    public List<WebhookEntry> webhooks() {
      return List.of();
    }

    @Override
    public Optional<WebhookEntry> webhook(String source) {
      return Optional.empty();
    }

    @Override
    public InventoryPlan plan(Inventory desired) {
      throw new UnsupportedOperationException("a one-entry view cannot plan an inventory");
    }

    @Override
    public void apply(InventoryPlan plan) {
      throw new UnsupportedOperationException("a one-entry view cannot apply an inventory");
    }
  }

  private record Parameters(ParameterStore real) implements ParameterStore {
    @Override
    public Map<String, ParameterInfo> describe(Collection<String> names) {
      Map<String, ParameterInfo> out = new LinkedHashMap<>();
      real.describe(names)
          .forEach((name, i) ->
              out.put(name, new ParameterInfo(i.name(), i.type(), i.version(), null, i.keyId())));
      return out;
    }

    @Override
    public ParameterValue read(String name, long version) {
      return real.read(name, version);
    }

    @Override
    public long putSecure(String name, String value, String keyId) {
      return real.putSecure(name, value, keyId);
    }

    @Override
    public void label(String name, long version, String label) {
      real.label(name, version, label);
    }
  }

  private record Rotations(RotationStore real) implements RotationStore {
    @Override
    public void recordStep(RotationRecord.StepUpdate update) {
      real.recordStep(update);
    }

    @Override
    public Optional<RotationRecord> rotation(String secretName, String token) {
      return real.rotation(secretName, token);
    }

    @Override
    public void recordRotated(String secretName, String token, String versionId, Instant at) {
      real.recordRotated(secretName, token, versionId, at);
    }

    @Override
    public Optional<Instant> lastRotated(String secretName) {
      return Optional.empty();
    }
  }
}

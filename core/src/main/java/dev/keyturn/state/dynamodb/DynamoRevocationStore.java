package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.REVOKED_PREFIX;
import static dev.keyturn.state.dynamodb.Items.SECRET_PREFIX;

import dev.keyturn.state.Revocation;
import dev.keyturn.state.RevocationStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code SECRET#<name> / REVOKED#<versionId>}: a version an operator revoked (stages removed,
 * actor, time). Written once: the put is conditional on the item being absent, so revoking again
 * keeps the first record.
 */
public final class DynamoRevocationStore implements RevocationStore {

  private static final String VERSION = "versionId";
  private static final String STAGES = "removedStages";
  private static final String ACTOR = "actor";
  private static final String REVOKED_AT = "revokedAt";

  private final StateTable table;

  public DynamoRevocationStore(StateTable table) {
    this.table = table;
  }

  @Override
  public void recordRevocation(Revocation revocation) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            Items.key(
                SECRET_PREFIX + revocation.secretName(), REVOKED_PREFIX + revocation.versionId()));
    item.put(VERSION, Items.s(revocation.versionId()));
    item.put(
        STAGES, AttributeValue.fromL(revocation.removedStages().stream().map(Items::s).toList()));
    item.put(ACTOR, Items.s(revocation.actor()));
    item.put(REVOKED_AT, Items.instant(revocation.revokedAt()));
    WriteOnceItems.putOnce(table, item);
  }

  @Override
  public List<Revocation> revocations(String secretName) {
    List<Revocation> out = new ArrayList<>();
    WriteOnceItems.withPrefix(table, SECRET_PREFIX + secretName, REVOKED_PREFIX)
        .forEach(i -> out.add(toRevocation(secretName, i)));
    out.sort(Comparator.comparing(Revocation::revokedAt).reversed());
    return List.copyOf(out);
  }

  private static Revocation toRevocation(String secretName, Map<String, AttributeValue> item) {
    AttributeValue stages = item.get(STAGES);
    return new Revocation(
        secretName,
        Items.str(item, VERSION),
        stages == null ? List.of() : stages.l().stream().map(AttributeValue::s).toList(),
        Items.str(item, ACTOR),
        Items.instant(item, REVOKED_AT));
  }
}

package dev.keyturn.state.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's item layout: keys, attribute names and value conversions. Only the classes of this
 * package know them (see docs/architecture.md for the item kinds).
 */
final class Items {

  static final String PK = "pk";
  static final String SK = "sk";

  /** The table's TTL attribute (epoch seconds). Never used for anything but item expiry. */
  static final String TTL = "expiresAt";

  static final String INVENTORY_PK = "INVENTORY";
  static final String SECRET_PREFIX = "SECRET#";
  static final String WEBHOOK_PREFIX = "WEBHOOK#";
  static final String LOOKUP_PREFIX = "LOOKUP#";
  static final String ROTATION_PREFIX = "ROTATION#";
  static final String LAST_ROTATED_SK = "LASTROTATED";
  static final String CREDENTIAL_PREFIX = "CREDENTIAL#";
  static final String SINK_PREFIX = "SINK#";
  static final String VAR_PREFIX = "VAR#";
  static final String LOCK_SK = "LOCK";
  static final String LEASE_PREFIX = "LEASE#";
  static final String MSG_PREFIX = "MSG#";
  static final String PUSH_PREFIX = "PUSH#";

  /** Sender pushes live apart from webhook claims, so the rotate role writes none of those. */
  static final String SENDER_PREFIX = "SENDER#";

  static final String REVOKED_PREFIX = "REVOKED#";

  /** One-shot rotation overrides ({@code --force}), in a partition of their own. */
  static final String FORCE_PREFIX = "FORCE#";

  static final String SIGHTING_SK = "SIGHTING";
  static final String AUDIT_PREFIX = "AUDIT#";
  static final String RETIRE_PK = "RETIRE";

  private Items() {}

  static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(PK, s(pk));
    key.put(SK, s(sk));
    return key;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  static AttributeValue instant(Instant value) {
    return s(value.toString());
  }

  static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  static Integer integer(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? null : Integer.valueOf(v.n());
  }

  static long longValue(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? 0L : Long.parseLong(v.n());
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    String v = str(item, name);
    return v == null ? null : Instant.parse(v);
  }
}

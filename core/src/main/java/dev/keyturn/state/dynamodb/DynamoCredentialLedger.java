package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.CREDENTIAL_PREFIX;
import static dev.keyturn.state.dynamodb.Items.SECRET_PREFIX;

import dev.keyturn.state.CredentialLedger;
import dev.keyturn.state.CredentialRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code SECRET#<name> / CREDENTIAL#<version id>}: one UpdateItem per event, each setting its own
 * time attribute, so the status is read from which times are set and a repeated or late write never
 * moves it backwards.
 */
public final class DynamoCredentialLedger implements CredentialLedger {

  private static final String VENDOR = "vendor";
  private static final String CREDENTIAL_ID = "credentialId";
  private static final String ISSUING_AT = "issuingAt";
  private static final String ISSUED_AT = "issuedAt";
  private static final String DEACTIVATED_AT = "deactivatedAt";
  private static final String RETIRED_AT = "retiredAt";

  private final StateTable table;

  public DynamoCredentialLedger(StateTable table) {
    this.table = table;
  }

  @Override
  public void issuing(String secretName, String versionId, String vendor, Instant at) {
    update(
        secretName,
        versionId,
        "SET #vendor = :vendor, #issuingAt = if_not_exists(#issuingAt, :at)",
        Map.of("#vendor", VENDOR, "#issuingAt", ISSUING_AT),
        Map.of(":vendor", Items.s(vendor), ":at", Items.instant(at)));
  }

  @Override
  public void issued(String secretName, String versionId, String credentialId, Instant at) {
    stamp(secretName, versionId, credentialId, ISSUED_AT, at);
  }

  @Override
  public void deactivated(String secretName, String versionId, String credentialId, Instant at) {
    stamp(secretName, versionId, credentialId, DEACTIVATED_AT, at);
  }

  @Override
  public void retired(String secretName, String versionId, String credentialId, Instant at) {
    stamp(secretName, versionId, credentialId, RETIRED_AT, at);
  }

  private void stamp(
      String secretName, String versionId, String credentialId, String timeAttribute, Instant at) {
    update(
        secretName,
        versionId,
        "SET #id = :id, #at = :at",
        Map.of("#id", CREDENTIAL_ID, "#at", timeAttribute),
        Map.of(":id", Items.s(credentialId), ":at", Items.instant(at)));
  }

  private void update(
      String secretName,
      String versionId,
      String expression,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    table
        .client()
        .updateItem(
            UpdateItemRequest.builder()
                .tableName(table.name())
                .key(Items.key(SECRET_PREFIX + secretName, CREDENTIAL_PREFIX + versionId))
                .updateExpression(expression)
                .expressionAttributeNames(new HashMap<>(names))
                .expressionAttributeValues(new HashMap<>(values))
                .build());
  }

  @Override
  public Optional<CredentialRecord> credential(String secretName, String versionId) {
    Map<String, AttributeValue> item =
        table
            .client()
            .getItem(
                GetItemRequest.builder()
                    .tableName(table.name())
                    .key(Items.key(SECRET_PREFIX + secretName, CREDENTIAL_PREFIX + versionId))
                    .consistentRead(true)
                    .build())
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CredentialRecord(
            secretName,
            versionId,
            Items.str(item, VENDOR),
            Items.str(item, CREDENTIAL_ID),
            Items.instant(item, ISSUING_AT),
            Items.instant(item, ISSUED_AT),
            Items.instant(item, DEACTIVATED_AT),
            Items.instant(item, RETIRED_AT)));
  }
}

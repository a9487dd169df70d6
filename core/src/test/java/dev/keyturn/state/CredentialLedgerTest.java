package dev.keyturn.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.CredentialRecord.Status;
import dev.keyturn.state.dynamodb.DynamoCredentialLedger;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@WithLocalAws
class CredentialLedgerTest {

  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  CredentialLedger ledger;

  @BeforeEach
  void ledger(DynamoDbClient dynamoDb) {
    ledger = new DynamoCredentialLedger(new StateTable(dynamoDb, LocalAwsExtension.TABLE));
  }

  @Test
  void credential_isAbsent_untilSomethingIsRecorded() {
    assertThat(ledger.credential("AWS_X", "v-none")).isEmpty();
  }

  @Test
  void issuing_keepsTheFirstTime_andIssuedRecordsTheVendorsId() {
    ledger.issuing("AWS_X", "v1", "aws-iam-access-key", NOW);
    assertThat(ledger.credential("AWS_X", "v1").orElseThrow().status()).isEqualTo(Status.ISSUING);

    ledger.issuing("AWS_X", "v1", "aws-iam-access-key", NOW.plusSeconds(5));
    ledger.issued("AWS_X", "v1", "AKIAFIRST", NOW.plusSeconds(6));
    ledger.issued("AWS_X", "v1", "AKIASECOND", NOW.plusSeconds(7));

    CredentialRecord r = ledger.credential("AWS_X", "v1").orElseThrow();
    assertThat(r.issuingAt()).isEqualTo(NOW);
    assertThat(r.vendor()).isEqualTo("aws-iam-access-key");
    assertThat(r.credentialId())
        .as("a retry's credential replaces an orphan's")
        .isEqualTo("AKIASECOND");
    assertThat(r.issuedAt()).isEqualTo(NOW.plusSeconds(7));
    assertThat(r.status()).isEqualTo(Status.ISSUED);
  }

  @Test
  void deactivatedThenRetired_neverMovesBack_evenWhenALateDeactivationArrives() {
    ledger.issuing("AWS_Y", "v2", "aws-iam-access-key", NOW);
    ledger.issued("AWS_Y", "v2", "AKIAOLD", NOW);
    ledger.deactivated("AWS_Y", "v2", "AKIAOLD", NOW.plusSeconds(10));
    ledger.retired("AWS_Y", "v2", "AKIAOLD", NOW.plusSeconds(20));
    ledger.deactivated("AWS_Y", "v2", "AKIAOLD", NOW.plusSeconds(30));

    CredentialRecord r = ledger.credential("AWS_Y", "v2").orElseThrow();
    assertThat(r.status()).isEqualTo(Status.RETIRED);
    assertThat(r.retiredAt()).isEqualTo(NOW.plusSeconds(20));
  }

  @Test
  void retiring_aCredentialKeyturnDidNotIssue_recordsItWithoutAVendor() {
    ledger.retired("HK_Z", "seed-version", "01234567-89ab-4cde-8f01-234567890abc", NOW);

    CredentialRecord r = ledger.credential("HK_Z", "seed-version").orElseThrow();
    assertThat(r.vendor()).isNull();
    assertThat(r.issuingAt()).isNull();
    assertThat(r.status()).isEqualTo(Status.RETIRED);
  }
}

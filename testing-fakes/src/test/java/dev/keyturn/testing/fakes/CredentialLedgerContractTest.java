package dev.keyturn.testing.fakes;

import static dev.keyturn.testing.fakes.StateTables.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.state.CredentialLedger;
import dev.keyturn.state.CredentialRecord;
import dev.keyturn.state.CredentialRecord.Status;
import dev.keyturn.state.dynamodb.DynamoCredentialLedger;
import dev.keyturn.testing.aws.WithLocalAws;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeCredentialLedger} and {@link DynamoCredentialLedger} held to one contract. */
@WithLocalAws
class CredentialLedgerContractTest {

  abstract static class Contract {

    final CredentialLedger ledger;
    final String secret = StateTables.unique("AWS_LEDGER");

    Contract(CredentialLedger ledger) {
      this.ledger = ledger;
    }

    @Test
    void credential_isAbsent_untilSomethingIsRecorded() {
      ledger.issuing(secret, "v1", "aws-iam-access-key", NOW);

      assertThat(ledger.credential(secret, "v-none")).isEmpty();
      assertThat(ledger.credential(secret + "-other", "v1")).isEmpty();
    }

    @Test
    void issuing_keepsTheFirstTime_andIssuedRecordsTheVendorsLatestId() {
      ledger.issuing(secret, "v1", "aws-iam-access-key", NOW);
      CredentialRecord asked = ledger.credential(secret, "v1").orElseThrow();
      assertThat(asked.status()).isEqualTo(Status.ISSUING);
      assertThat(asked.credentialId()).isNull();

      ledger.issuing(secret, "v1", "aws-iam-access-key", NOW.plusSeconds(5));
      ledger.issued(secret, "v1", "AKIAFIRST", NOW.plusSeconds(6));
      ledger.issued(secret, "v1", "AKIASECOND", NOW.plusSeconds(7));

      CredentialRecord r = ledger.credential(secret, "v1").orElseThrow();
      assertThat(r.secretName()).isEqualTo(secret);
      assertThat(r.versionId()).isEqualTo("v1");
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
      ledger.issuing(secret, "v2", "aws-iam-access-key", NOW);
      ledger.issued(secret, "v2", "AKIAOLD", NOW);
      ledger.deactivated(secret, "v2", "AKIAOLD", NOW.plusSeconds(10));
      assertThat(ledger.credential(secret, "v2").orElseThrow().status())
          .isEqualTo(Status.DEACTIVATED);

      ledger.retired(secret, "v2", "AKIAOLD", NOW.plusSeconds(20));
      ledger.deactivated(secret, "v2", "AKIAOLD", NOW.plusSeconds(30));

      CredentialRecord r = ledger.credential(secret, "v2").orElseThrow();
      assertThat(r.status()).isEqualTo(Status.RETIRED);
      assertThat(r.retiredAt()).isEqualTo(NOW.plusSeconds(20));
      assertThat(r.issuingAt()).as("retiring keeps what issuing recorded").isEqualTo(NOW);
      assertThat(r.vendor()).isEqualTo("aws-iam-access-key");
    }

    @Test
    void retiring_aCredentialKeyturnDidNotIssue_recordsItWithoutAVendor() {
      ledger.retired(secret, "seed-version", "01234567-89ab-4cde-8f01-234567890abc", NOW);

      CredentialRecord r = ledger.credential(secret, "seed-version").orElseThrow();
      assertThat(r.vendor()).isNull();
      assertThat(r.issuingAt()).isNull();
      assertThat(r.issuedAt()).isNull();
      assertThat(r.credentialId()).isEqualTo("01234567-89ab-4cde-8f01-234567890abc");
      assertThat(r.status()).isEqualTo(Status.RETIRED);
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeCredentialLedger());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(new DynamoCredentialLedger(StateTables.of(dynamoDb)));
    }
  }
}

package dev.keyturn.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;

/**
 * A BatchGetSecretValue answer's per-secret errors, as the service documents them (moto answers
 * none but not-found, so the answer is built here; the read path itself runs against moto in
 * AwsSecretSourceTest).
 */
class BatchErrorsTest {

  @Test
  void batchErrors_areReportedBySourceAndCode_butANonexistentSecretIsJustAbsent() {
    Source denied = new Source.SecretsManager("keyturn/test/denied");
    Source gone = new Source.SecretsManager("keyturn/test/gone");
    Source undecryptable = new Source.SecretsManager("keyturn/test/kms");
    BatchGetSecretValueResponse response =
        BatchGetSecretValueResponse.builder()
            .secretValues(List.of())
            .errors(
                APIErrorType.builder()
                    .secretId("keyturn/test/denied")
                    .errorCode("AccessDeniedException")
                    .message("not authorized")
                    .build(),
                APIErrorType.builder()
                    .secretId("keyturn/test/gone")
                    .errorCode("ResourceNotFoundException")
                    .build(),
                APIErrorType.builder()
                    .secretId("keyturn/test/kms")
                    .errorCode("DecryptionFailure")
                    .build())
            .build();

    assertThat(AwsSecretSource.errors(List.of(denied, gone, undecryptable), response))
        .containsExactly(
            Map.entry(denied, "AccessDeniedException"),
            Map.entry(undecryptable, "DecryptionFailure"));
  }
}

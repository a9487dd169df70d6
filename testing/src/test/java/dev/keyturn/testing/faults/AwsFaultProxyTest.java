package dev.keyturn.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.faults.AwsFaultProxy.Mode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@WithLocalAws
class AwsFaultProxyTest {

  private static AwsFaultProxy proxy;
  private static SecretsManagerClient secrets;
  private static IamClient iam;
  private static SecretsManagerClient direct;

  @BeforeAll
  static void start(LocalAws aws) {
    proxy = AwsFaultProxy.start().front("moto", aws.endpoint());
    secrets =
        SecretsManagerClient.builder()
            .endpointOverride(proxy.endpoint("moto"))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
    iam =
        IamClient.builder()
            .endpointOverride(proxy.endpoint("moto"))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
    direct =
        SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @AfterAll
  static void stop() {
    secrets.close();
    iam.close();
    direct.close();
    proxy.close();
  }

  @BeforeEach
  void reset() {
    proxy.reset();
  }

  @Test
  void callsAreNumberedAndNamed_acrossJsonAndQueryProtocols() {
    secrets.listSecrets();
    iam.listUsers();

    assertThat(proxy.calls()).containsExactly("secretsmanager.ListSecrets", "iam.ListUsers");
  }

  @Test
  void refused_failsTheChosenCallOnce_withoutForwardingIt_andTheSdkDoesNotRetry() {
    String name = "proxy/refused-" + UUID.randomUUID();
    proxy.failAt(2, Mode.REFUSED);
    secrets.listSecrets();

    assertThatThrownBy(() -> secrets.createSecret(b -> b.name(name).secretString("x-value-1")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InjectedFault"));
    assertThat(proxy.calls()).hasSize(2);
    assertThat(proxy.failedCall()).isEqualTo("secretsmanager.CreateSecret");
    assertThat(direct.listSecrets(b -> b.filters(f -> f.key("name").values(name))).secretList())
        .isEmpty();
    secrets.createSecret(b -> b.name(name).secretString("x-value-1"));
  }

  @Test
  void refused_inTheQueryProtocol_isAnErrorWithItsCode() {
    proxy.failAt(1, Mode.REFUSED);

    assertThatThrownBy(() -> iam.listUsers())
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InjectedFault"));
  }

  @Test
  void answerLost_appliesTheCall_andTheSdkRetriesIt() {
    String name = "proxy/lost-" + UUID.randomUUID();
    String token = UUID.randomUUID().toString();
    proxy.failAt(1, Mode.ANSWER_LOST);

    try {
      secrets.createSecret(b -> b.name(name).secretString("x-value-2").clientRequestToken(token));
    } catch (AwsServiceException retryFoundItMade) {
      // the retry of a create the emulator already applied may be refused as "exists"
      assertThat(retryFoundItMade.awsErrorDetails().errorCode())
          .isEqualTo("ResourceExistsException");
    }

    assertThat(proxy.calls())
        .as("the lost call, then the SDK's retry")
        .containsExactly("secretsmanager.CreateSecret", "secretsmanager.CreateSecret");
    assertThat(direct.describeSecret(b -> b.secretId(name)).versionIdsToStages())
        .containsOnlyKeys(token);
  }
}

package dev.keyturn.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.local.LocalAws;
import dev.keyturn.secrets.Creation;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.SourceExistsException;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.faults.LateAnswerProxy;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/**
 * The SSM adapter against moto, through a proxy that can answer a call only after the client has
 * timed out, so the SDK retries a call moto has already applied.
 */
@WithLocalAws
class SsmParameterStoreTest {

  static LateAnswerProxy proxy;
  static SsmClient client;
  static SsmParameterStore parameters;

  @BeforeAll
  static void start(LocalAws aws) {
    proxy = LateAnswerProxy.start(aws.endpoint());
    client = proxy.route(SsmClient.builder()).build();
    parameters = new SsmParameterStore(client);
    parameters.describe(List.of("/keyturn/test/warm-up")); // moto loads the service on first use
  }

  @AfterAll
  static void stop() {
    client.close();
    proxy.close();
  }

  @Test
  void createIfAbsent_createsASecureStringWithItsTags() {
    String value = SeededSecrets.generate("p-create");

    Creation result =
        parameters.createIfAbsent("/keyturn/test/create", value, Map.of("keyturn:entry", "P"));

    assertThat(result).isEqualTo(Creation.CREATED);
    ParameterInfo info =
        parameters.describe(List.of("/keyturn/test/create")).get("/keyturn/test/create");
    assertThat(info.isSecureString()).isTrue();
    assertThat(info.version()).isEqualTo(1);
    assertThat(parameters.read("/keyturn/test/create", 1).value()).isEqualTo(value);
    assertThat(
            client
                .listTagsForResource(b ->
                    b.resourceType(ResourceTypeForTagging.PARAMETER)
                        .resourceId("/keyturn/test/create"))
                .tagList())
        .singleElement()
        .satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("keyturn:entry=P"));
  }

  @Test
  void createIfAbsent_succeeds_whenItsFirstAttemptWasAppliedButAnsweredTooLate() {
    String value = SeededSecrets.generate("p-late");
    proxy.answerLateOnce("PutParameter");

    Creation result = parameters.createIfAbsent("/keyturn/test/late", value, Map.of());

    assertThat(proxy.forwarded("PutParameter")).as("the SDK retried").isGreaterThan(1);
    assertThat(result).isIn(Creation.CREATED, Creation.ALREADY_PRESENT);
    assertThat(
            parameters.describe(List.of("/keyturn/test/late")).get("/keyturn/test/late").version())
        .as("one version, not two")
        .isEqualTo(1);
    assertThat(parameters.read("/keyturn/test/late", 1).value()).isEqualTo(value);
  }

  @Test
  void createIfAbsent_isAlreadyPresent_whenAnEarlierRunStoredTheSameValue() {
    String value = SeededSecrets.generate("p-again");
    parameters.createIfAbsent("/keyturn/test/again", value, Map.of());

    assertThat(parameters.createIfAbsent("/keyturn/test/again", value, Map.of()))
        .isEqualTo(Creation.ALREADY_PRESENT);
  }

  @Test
  void createIfAbsent_refusesAParameterHoldingAnotherValue_namingItButNotTheValue() {
    String first = SeededSecrets.generate("p-first");
    String other = SeededSecrets.generate("p-other");
    parameters.createIfAbsent("/keyturn/test/taken", first, Map.of());

    assertThatThrownBy(() -> parameters.createIfAbsent("/keyturn/test/taken", other, Map.of()))
        .isInstanceOf(SourceExistsException.class)
        .hasMessage(
            "SSM parameter /keyturn/test/taken already exists with another value;"
                + " it was left unchanged");
    assertThat(parameters.read("/keyturn/test/taken", 1).value()).isEqualTo(first);
  }

  @Test
  void createIfAbsent_refusesAPlainStringWithTheSameValue() {
    String value = SeededSecrets.generate("p-plain");
    client.putParameter(b -> b.name("/keyturn/test/plain").value(value).type(ParameterType.STRING));

    assertThatThrownBy(() -> parameters.createIfAbsent("/keyturn/test/plain", value, Map.of()))
        .isInstanceOf(SourceExistsException.class);
  }
}

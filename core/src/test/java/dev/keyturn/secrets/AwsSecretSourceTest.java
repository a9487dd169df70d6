package dev.keyturn.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.config.AwsClients;
import dev.keyturn.config.AwsTimeouts;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.aws.AwsSecretSource;
import dev.keyturn.secrets.aws.SecretsManagerSecrets;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

@WithLocalAws
class AwsSecretSourceTest {

  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  static SecretsManagerClient secretsManager;
  static SsmClient ssm;
  static final Map<String, String> seeded = new HashMap<>();

  /** Counts SDK operations honestly, at the client boundary. */
  static final ExecutionInterceptor COUNTER =
      new ExecutionInterceptor() {
        @Override
        public void beforeExecution(
            Context.BeforeExecution context, ExecutionAttributes attributes) {
          String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
          CALLS.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
        }
      };

  @BeforeAll
  static void seed() {
    secretsManager =
        SecretsManagerClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(c -> c.addExecutionInterceptor(COUNTER))
            .build();
    ssm =
        SsmClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(c -> c.addExecutionInterceptor(COUNTER))
            .build();
    for (int i = 0; i < 45; i++) {
      String value = SeededSecrets.generate("sm" + i);
      String name = "keyturn/test/s" + i;
      secretsManager.createSecret(b -> b.name(name).secretString(value));
      seeded.put(name, value);
    }
    for (int i = 0; i < 25; i++) {
      String value = SeededSecrets.generate("ssm" + i);
      String name = "/keyturn/test/p" + i;
      ssm.putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING));
      seeded.put(name, value);
    }
    CALLS.clear();
  }

  @Test
  void current_readsAllValuesInCeilOfNOver20PlusMOver10Calls() {
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      sources.add(new Source.SecretsManager("keyturn/test/s" + i));
    }
    for (int i = 0; i < 25; i++) {
      sources.add(new Source.SsmParameter("/keyturn/test/p" + i));
    }
    sources.add(new Source.SecretsManager("keyturn/test/missing"));

    Map<Source, SecretValue> values =
        new AwsSecretSource(secretsManager, ssm, new SecretsManagerSecrets(secretsManager))
            .current(sources);

    assertThat(values).hasSize(70);
    values.forEach((source, v) -> assertThat(v.value().equals(seeded.get(source.id()))).isTrue());
    assertThat(CALLS.get("BatchGetSecretValue")).hasValue(3); // ceil(46/20)
    assertThat(CALLS.get("GetParameters")).hasValue(3); // ceil(25/10)
    assertThat(CALLS.keySet()).containsOnly("BatchGetSecretValue", "GetParameters");
  }

  @Test
  void liveVersions_returnsCurrentThenPreviousWithExplicitStages() {
    String old = SeededSecrets.generate("old");
    String fresh = SeededSecrets.generate("new");
    secretsManager.createSecret(b -> b.name("keyturn/test/live").secretString(old));
    secretsManager.putSecretValue(b -> b.secretId("keyturn/test/live").secretString(fresh));

    List<SecretValue> live =
        new AwsSecretSource(secretsManager, ssm, new SecretsManagerSecrets(secretsManager))
            .liveVersions(new Source.SecretsManager("keyturn/test/live"));

    assertThat(live).hasSize(2);
    assertThat(live.get(0).value().equals(fresh)).isTrue();
    assertThat(live.get(1).value().equals(old)).isTrue();
  }

  @Test
  void read_ofSecretsThatDoNotExist_reportsNoFailure_andLeavesThemOut() {
    Source absent = new Source.SecretsManager("keyturn/test/never-created");

    SecretReads reads;
    // clients of its own: the counting ones belong to the call-count test
    try (SecretsManagerClient plain = SecretsManagerClient.create();
        SsmClient plainSsm = SsmClient.create()) {
      reads =
          new AwsSecretSource(plain, plainSsm, new SecretsManagerSecrets(plain))
              .read(List.of(absent));
    }

    assertThat(reads.values()).isEmpty();
    assertThat(reads.failures()).isEmpty();
  }

  @Test
  void secretValue_toStringNeverShowsTheValue() {
    SecretValue v = new SecretValue("id", "v1", seeded.get("keyturn/test/s0"));

    assertThat(v.toString()).doesNotContain(seeded.get("keyturn/test/s0")).contains("***");
  }

  @Test
  void awsClients_buildWithDefaultEndpointResolution() {
    var clients = new AwsClients();
    try (var credentials = clients.awsCredentials();
        var secretsManager = clients.secretsManager(credentials, AwsTimeouts.DEFAULT)) {
      assertThat(secretsManager.listSecrets().secretList()).isNotEmpty();
    }
  }
}

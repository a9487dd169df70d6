package dev.keyturn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * What keyturn needs from any local AWS, through the {@link LocalAws} interface only: Secrets
 * Manager versions and stages (and RotateSecret with the no-op rotation Lambda), SSM SecureString
 * versions and labels, the state table from template.yaml with conditional writes and TTL,
 * EventBridge delivering to a rule's target, and a reset that forgets all of it. Each backend runs
 * the same tests.
 */
abstract class LocalAwsContract {

  static final String TABLE = "keyturn-contract-state";

  SecretsManagerClient secrets;
  SsmClient ssm;
  EventBridgeClient events;
  SqsClient sqs;

  /** The backend under test, started by the subclass. */
  abstract LocalAws aws();

  @BeforeEach
  void freshStateAndClients() {
    aws().reset();
    Region region = Region.of(aws().region());
    secrets = LocalSdk.client(SecretsManagerClient.builder(), aws().endpoint(), region);
    ssm = LocalSdk.client(SsmClient.builder(), aws().endpoint(), region);
    events = LocalSdk.client(EventBridgeClient.builder(), aws().endpoint(), region);
    sqs = LocalSdk.client(SqsClient.builder(), aws().endpoint(), region);
  }

  @AfterEach
  void closeClients() {
    secrets.close();
    ssm.close();
    events.close();
    sqs.close();
  }

  @Test
  void secretsManager_movesStagesBetweenVersions_likeARotationsFinishStep() {
    String arn = secrets.createSecret(b -> b.name("keyturn/contract").secretString("v1")).arn();
    String current = currentVersion(arn);
    String pending = UUID.randomUUID().toString();
    secrets.putSecretValue(b ->
        b.secretId(arn).clientRequestToken(pending).secretString("v2").versionStages("AWSPENDING"));

    secrets.updateSecretVersionStage(b ->
        b.secretId(arn)
            .versionStage("AWSCURRENT")
            .moveToVersionId(pending)
            .removeFromVersionId(current));

    Map<String, List<String>> stages =
        secrets.describeSecret(b -> b.secretId(arn)).versionIdsToStages();
    assertThat(stages.get(pending)).contains("AWSCURRENT");
    assertThat(stages.get(current)).containsExactly("AWSPREVIOUS");
    // by explicit stage, as keyturn reads (moto's stage-less read lags behind a moved label)
    assertThat(
            secrets.getSecretValue(b -> b.secretId(arn).versionStage("AWSCURRENT")).secretString())
        .isEqualTo("v2");
    assertThat(
            secrets.getSecretValue(b -> b.secretId(arn).versionStage("AWSPREVIOUS")).secretString())
        .isEqualTo("v1");
  }

  @Test
  void secretsManager_rotateSecret_withTheNoOpRotationLambda_labelsATokenVersionPending() {
    String arn = secrets.createSecret(b -> b.name("keyturn/rotating").secretString("v1")).arn();
    String lambda = aws().createRotationLambda();
    String token = UUID.randomUUID().toString();

    secrets.rotateSecret(b ->
        b.secretId(arn)
            .clientRequestToken(token)
            .rotationLambdaARN(lambda)
            .rotationRules(r -> r.automaticallyAfterDays(30L)));

    var described = secrets.describeSecret(b -> b.secretId(arn));
    assertThat(described.rotationEnabled()).isTrue();
    assertThat(described.versionIdsToStages().get(token)).contains("AWSPENDING");
  }

  @Test
  void ssm_keepsSecureStringVersionsAndLabels() {
    ssm.putParameter(
        b -> b.name("/keyturn/contract").value("one").type(ParameterType.SECURE_STRING));
    long second =
        ssm.putParameter(b ->
                b.name("/keyturn/contract")
                    .value("two")
                    .type(ParameterType.SECURE_STRING)
                    .overwrite(true))
            .version();
    ssm.labelParameterVersion(
        b -> b.name("/keyturn/contract").parameterVersion(second).labels("current"));

    var parameter =
        ssm.getParameter(b -> b.name("/keyturn/contract:current").withDecryption(true)).parameter();
    assertThat(second).isEqualTo(2L);
    assertThat(parameter.value()).isEqualTo("two");
    assertThat(parameter.type()).isEqualTo(ParameterType.SECURE_STRING);
    assertThat(
            ssm.getParameters(b -> b.names("/keyturn/contract", "/keyturn/absent"))
                .invalidParameters())
        .containsExactly("/keyturn/absent");
  }

  @Test
  void dynamoDb_stateTableFromTheTemplate_hasTtlAndHonoursConditions() {
    aws().recreateTable(TABLE);
    DynamoDbClient dynamoDb = aws().dynamoDb();
    Map<String, AttributeValue> lease =
        Map.of("pk", AttributeValue.fromS("LEASE#app"), "sk", AttributeValue.fromS("LOCK"));

    dynamoDb.putItem(
        b -> b.tableName(TABLE).item(lease).conditionExpression("attribute_not_exists(pk)"));

    assertThatThrownBy(() ->
            dynamoDb.putItem(b ->
                b.tableName(TABLE).item(lease).conditionExpression("attribute_not_exists(pk)")))
        .isInstanceOf(ConditionalCheckFailedException.class);
    var ttl = dynamoDb.describeTimeToLive(b -> b.tableName(TABLE)).timeToLiveDescription();
    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
  }

  @Test
  void eventBridge_deliversAnEventToTheTargetOfAMatchingRule() throws Exception {
    events.createEventBus(b -> b.name("keyturn"));
    String queueUrl = sqs.createQueue(b -> b.queueName("keyturn-contract")).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    events.putRule(b ->
        b.name("rotated")
            .eventBusName("keyturn")
            .eventPattern("{\"source\":[\"keyturn\"],\"detail-type\":[\"SecretRotated\"]}"));
    events.putTargets(
        b -> b.rule("rotated").eventBusName("keyturn").targets(t -> t.id("queue").arn(queueArn)));

    var put =
        events.putEvents(b ->
            b.entries(e ->
                e.eventBusName("keyturn")
                    .source("keyturn")
                    .detailType("SecretRotated")
                    .detail("{\"secret\":\"CONTRACT\"}")));

    assertThat(put.failedEntryCount()).isZero();
    assertThat(receive(queueUrl, Duration.ofSeconds(20)))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("SecretRotated").contains("CONTRACT"));
  }

  @Test
  void reset_forgetsSecretsParametersAndTables() {
    secrets.createSecret(b -> b.name("keyturn/forgotten").secretString("v"));
    ssm.putParameter(b -> b.name("/keyturn/forgotten").value("v").type(ParameterType.STRING));
    aws().recreateTable(TABLE);

    aws().reset();

    assertThatThrownBy(() -> secrets.describeSecret(b -> b.secretId("keyturn/forgotten")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> ssm.getParameter(b -> b.name("/keyturn/forgotten")))
        .isInstanceOf(ParameterNotFoundException.class);
    assertThat(aws().dynamoDb().listTables().tableNames()).isEmpty();
  }

  private String currentVersion(String arn) {
    return secrets.describeSecret(b -> b.secretId(arn)).versionIdsToStages().entrySet().stream()
        .filter(e -> e.getValue().contains("AWSCURRENT"))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private List<Message> receive(String queueUrl, Duration within) {
    Instant deadline = Instant.now().plus(within);
    List<Message> messages = List.of();
    while (messages.isEmpty() && Instant.now().isBefore(deadline)) {
      messages =
          sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
              .messages();
    }
    return messages;
  }
}

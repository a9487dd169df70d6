package dev.keyturn.testing.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.local.template.CloudFormationYaml;
import dev.keyturn.local.template.TemplateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TemplatePolicy} evaluates a function's statements as IAM would for keyturn's calls. */
class TemplatePolicyTest {

  static final String TEMPLATE =
      """
      Parameters:
        Prefix: {Type: String, Default: "keyturn/"}
        TokenName: {Type: String, Default: "keyturn/prod/platform-token"}
      Resources:
        Table: {Type: AWS::DynamoDB::Table}
        Bus: {Type: AWS::Events::EventBus, Properties: {Name: keyturn}}
        Key:
          Type: AWS::SecretsManager::Secret
          Properties: {Name: !Sub "${Prefix}sync/digest-key"}
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - Statement:
                  - Sid: Replay
                    Effect: Allow
                    Action: [dynamodb:PutItem, dynamodb:UpdateItem]
                    Resource: !GetAtt Table.Arn
                    Condition:
                      ForAllValues:StringLike:
                        dynamodb:LeadingKeys: ["WEBHOOK#*"]
                  - Sid: Secrets
                    Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    Resource: !Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${Prefix}*
                  - Sid: NotTheToken
                    Effect: Deny
                    Action: secretsmanager:GetSecretValue
                    Resource:
                      - !Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${TokenName}-??????
                      - !Ref Key
                  - Sid: Batch
                    Effect: Allow
                    Action: secretsmanager:BatchGetSecretValue
                    Resource: "*"
                  - Sid: ViaService
                    Effect: Allow
                    Action: kms:Decrypt
                    Resource: "*"
                    Condition:
                      StringEquals: {kms:ViaService: secretsmanager.us-east-1.amazonaws.com}
                  - Sid: Publish
                    Effect: Allow
                    Action: events:PutEvents
                    Resource: !GetAtt Bus.Arn
        Hook:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - Statement:
                  - Sid: HookSecrets
                    Effect: Allow
                    Action: [secretsmanager:DescribeSecret, secretsmanager:GetSecretValue]
                    Resource: !Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${Prefix}*
                    Condition:
                      StringEquals:
                        secretsmanager:ResourceTag/keyturn:role: webhook
                  - Sid: Batch
                    Effect: Allow
                    Action: secretsmanager:BatchGetSecretValue
                    Resource: "*"
        Templated:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - DynamoDBCrudPolicy: {TableName: !Ref Table}
      """;

  final TemplatePolicy policy = TemplatePolicy.of(CloudFormationYaml.read(TEMPLATE), "Fn");

  static AwsCall call(String action, List<String> resources, List<String> keys) {
    return new AwsCall(action, resources, keys);
  }

  @Test
  void dynamoDbCall_isAllowedOnlyWhenEveryLeadingKeyMatches_onWhateverTableTheTestNamed() {
    assertThat(policy.refusal(call("dynamodb:PutItem", List.of("t-1"), List.of("WEBHOOK#acme"))))
        .isEmpty();
    assertThat(
            policy.refusal(
                call("dynamodb:UpdateItem", List.of("t-2"), List.of("WEBHOOK#a", "AUDIT#x"))))
        .get()
        .asString()
        .contains("dynamodb:UpdateItem", "AUDIT#x", "allowed by no statement of Fn");
    assertThat(policy.refusal(call("dynamodb:DeleteItem", List.of("t"), List.of("WEBHOOK#a"))))
        .isPresent();
  }

  @Test
  void secrets_areMatchedByNameWithTheArnSuffix_andAnExplicitDenyWins() {
    assertThat(
            policy.refusal(
                call("secretsmanager:GetSecretValue", List.of("keyturn/it/acme"), List.of())))
        .isEmpty();
    assertThat(
            policy.refusal(
                call(
                    "secretsmanager:GetSecretValue",
                    List.of(
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:keyturn/x-Ab12Cd"),
                    List.of())))
        .isEmpty();
    assertThat(
            policy.refusal(
                call(
                    "secretsmanager:GetSecretValue",
                    List.of("keyturn/prod/platform-token"),
                    List.of())))
        .get()
        .asString()
        .contains("denied by NotTheToken");
    assertThat(
            policy.refusal(
                call(
                    "secretsmanager:GetSecretValue",
                    List.of("keyturn/sync/digest-key"),
                    List.of())))
        .get()
        .asString()
        .contains("denied by NotTheToken");
    assertThat(policy.refusal(call("secretsmanager:GetSecretValue", List.of("other/x"), List.of())))
        .isPresent();
  }

  @Test
  void batchRead_needsTheBatchActionOnStar_andGetSecretValueOnEverySecret() {
    assertThat(
            policy.refusal(
                call(
                    "secretsmanager:BatchGetSecretValue",
                    List.of("keyturn/a", "keyturn/b"),
                    List.of())))
        .isEmpty();
    assertThat(
            policy.refusal(
                call(
                    "secretsmanager:BatchGetSecretValue",
                    List.of("keyturn/a", "keyturn/prod/platform-token"),
                    List.of())))
        .isPresent();
  }

  @Test
  void statementWithAConditionOtherThanLeadingKeys_allowsNothingHere() {
    assertThat(policy.refusal(call("kms:Decrypt", List.of(), List.of()))).isPresent();
  }

  @Test
  void busCall_isTheStacksBus_andGrantsAreListedBySidAndAction() {
    assertThat(policy.refusal(call("events:PutEvents", List.of("test-bus"), List.of()))).isEmpty();
    assertThat(policy.grants())
        .containsExactly(
            "Replay/dynamodb:PutItem",
            "Replay/dynamodb:UpdateItem",
            "Secrets/secretsmanager:GetSecretValue",
            "Batch/secretsmanager:BatchGetSecretValue",
            "ViaService/kms:Decrypt",
            "Publish/events:PutEvents");
  }

  @Test
  void resourceTagCondition_allowsOnlyASecretThatCarriedTheTag_whenTheCallWasMade() {
    TemplatePolicy hook = TemplatePolicy.of(CloudFormationYaml.read(TEMPLATE), "Hook");
    Map<String, Map<String, String>> tags =
        Map.of(
            "keyturn/hook", Map.of("keyturn:role", "webhook", "team", "raptor"),
            "keyturn/sync", Map.of("keyturn:role", "sync"));

    assertThat(read(hook, "keyturn/hook", tags)).isEmpty();
    assertThat(read(hook, "keyturn/sync", tags))
        .get()
        .asString()
        .contains("keyturn/sync", "allowed by no statement of Hook");
    assertThat(read(hook, "keyturn/untagged", tags)).as("no tags at all").isPresent();
    assertThat(
            hook.refusal(
                new AwsCall(
                    "secretsmanager:BatchGetSecretValue",
                    List.of("keyturn/hook", "keyturn/sync"),
                    List.of(),
                    tags)))
        .as("a batch needs the tag on every secret it returns")
        .get()
        .asString()
        .contains("GetSecretValue on ", "keyturn/sync", "tagged {keyturn:role=sync}");
  }

  static java.util.Optional<String> read(
      TemplatePolicy policy, String secret, Map<String, Map<String, String>> tags) {
    return policy.refusal(
        new AwsCall("secretsmanager:GetSecretValue", List.of(secret), List.of(), tags));
  }

  @Test
  void samPolicyTemplate_isRefused_soEveryGrantIsWrittenOut() {
    assertThatThrownBy(() -> TemplatePolicy.of(CloudFormationYaml.read(TEMPLATE), "Templated"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("only inline statements");
  }
}

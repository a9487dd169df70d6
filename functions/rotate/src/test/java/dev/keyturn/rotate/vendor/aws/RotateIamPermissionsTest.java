package dev.keyturn.rotate.vendor.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.rotate.support.TemplatePolicy;
import org.junit.jupiter.api.Test;

/** What template.yaml lets the rotate function do to IAM: access keys of users under one path. */
class RotateIamPermissionsTest {

  @Test
  void rotateFunction_mayManageAccessKeys_ofUsersUnderTheRotatedPathOnly() {
    TemplatePolicy policy = TemplatePolicy.rotateFunction();
    JsonNode statement = policy.statement("RotateIamAccessKeys");

    assertThat(policy.actions("iam:"))
        .containsExactlyInAnyOrder(
            "iam:ListAccessKeys", "iam:CreateAccessKey", "iam:DeleteAccessKey");
    assertThat(policy.actions("sts:")).as("GetCallerIdentity needs no permission").isEmpty();
    assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
    assertThat(statement.path("Resource").path("Fn::Sub").asText())
        .isEqualTo("arn:${AWS::Partition}:iam::${AWS::AccountId}:user${RotatedIamUserPath}*");
    assertThat(statement.has("Condition")).isFalse();
  }
}

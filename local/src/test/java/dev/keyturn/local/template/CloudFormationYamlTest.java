package dev.keyturn.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CloudFormationYamlTest {

  @Test
  void read_turnsRefIntoItsLongForm() {
    JsonNode node = CloudFormationYaml.read("table: !Ref StateTable");

    assertThat(node.get("table").toString()).isEqualTo("{\"Ref\":\"StateTable\"}");
  }

  @Test
  void read_splitsShortGetAttIntoResourceAndAttribute() {
    JsonNode node = CloudFormationYaml.read("arn: !GetAtt RotateFunction.Arn");

    assertThat(node.get("arn").toString())
        .isEqualTo("{\"Fn::GetAtt\":[\"RotateFunction\",\"Arn\"]}");
  }

  @Test
  void read_prefixesOtherFunctionsWithFn_includingNestedOnesInSequences() {
    JsonNode node = CloudFormationYaml.read("v: !If [IsProd, !Sub '${A}-b', !Ref AWS::NoValue]");

    assertThat(node.get("v").toString())
        .isEqualTo("{\"Fn::If\":[\"IsProd\",{\"Fn::Sub\":\"${A}-b\"},{\"Ref\":\"AWS::NoValue\"}]}");
  }

  @Test
  void read_keepsTaggedMappingsAndPlainScalars() {
    JsonNode node =
        CloudFormationYaml.read(
            "b: !Base64 {\"Fn::Sub\": x}\nn: 5\nt: !!str 7\nflag: true\nnothing: ~");

    assertThat(node.get("b").toString()).isEqualTo("{\"Fn::Base64\":{\"Fn::Sub\":\"x\"}}");
    assertThat(node.get("n").isInt()).isTrue();
    assertThat(node.get("t").asText()).isEqualTo("7");
    assertThat(node.get("flag").booleanValue()).isTrue();
    assertThat(node.get("nothing").isNull()).isTrue();
  }

  @Test
  void isIntrinsic_tellsFunctionsFromLiterals() {
    JsonNode node = CloudFormationYaml.read("a: !Ref X\nb: {Ref: X, Other: Y}\nc: plain");

    assertThat(CloudFormationYaml.isIntrinsic(node.get("a"))).isTrue();
    assertThat(CloudFormationYaml.isIntrinsic(node.get("b"))).isFalse();
    assertThat(CloudFormationYaml.isIntrinsic(node.get("c"))).isFalse();
  }

  @Test
  void read_rejectsBrokenYamlWithATemplateException() {
    assertThatThrownBy(() -> CloudFormationYaml.read("a: [unclosed"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template is not valid YAML");
  }
}

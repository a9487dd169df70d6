package dev.keyturn.rotate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotationEventTest {

  private static Map<String, Object> event(String step) {
    Map<String, Object> e = new HashMap<>();
    e.put("Step", step);
    e.put("SecretId", "arn:aws:secretsmanager:us-east-1:1:secret:x");
    e.put("ClientRequestToken", "tok");
    return e;
  }

  @Test
  void fromMap_readsTheFourStepsByTheirEventNames() {
    assertThat(RotationEvent.fromMap(event("createSecret")).step())
        .isEqualTo(RotationStep.CREATE_SECRET);
    assertThat(RotationEvent.fromMap(event("setSecret")).step()).isEqualTo(RotationStep.SET_SECRET);
    assertThat(RotationEvent.fromMap(event("testSecret")).step())
        .isEqualTo(RotationStep.TEST_SECRET);
    assertThat(RotationEvent.fromMap(event("finishSecret")).step())
        .isEqualTo(RotationStep.FINISH_SECRET);
  }

  @Test
  void fromMap_carriesTheRotationToken_whenPresent() {
    Map<String, Object> e = event("createSecret");
    assertThat(RotationEvent.fromMap(e).rotationToken()).isNull();
    e.put("RotationToken", "rt-1");
    assertThat(RotationEvent.fromMap(e).rotationToken()).isEqualTo("rt-1");
  }

  @Test
  void fromMap_rejectsAnUnknownStep_withoutEchoingIt() {
    assertThatThrownBy(() -> RotationEvent.fromMap(event("dropTables")))
        .isInstanceOf(InvalidRotationEventException.class)
        .hasMessageContaining("Step")
        .hasMessageNotContaining("dropTables");
  }

  @Test
  void fromMap_namesAMissingField() {
    Map<String, Object> e = event("createSecret");
    e.remove("ClientRequestToken");
    assertThatThrownBy(() -> RotationEvent.fromMap(e))
        .isInstanceOf(InvalidRotationEventException.class)
        .hasMessageContaining("ClientRequestToken");
  }
}

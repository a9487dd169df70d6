package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.snapstart.Primer;
import dev.keyturn.snapstart.SnapStartHooks;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lambda's init of the webhook function: the runtime calls the handler's no-arg constructor, which
 * starts a context with singletons on demand (core's LambdaContexts).
 */
@WithLocalAws
class WebhookHandlerInitTest {

  @Test
  void init_buildsTheServiceOnly_andTheSnapshotHooksStillCreateAndRunEveryPrimer() {
    try (ApplicationContext context = new WebhookHandler().getApplicationContext()) {
      assertThat(context.getActiveBeanRegistrations(WebhookService.class)).hasSize(1);
      assertThat(context.getActiveBeanRegistrations(Primer.class)).isEmpty();

      SnapStartHooks hooks = context.getBean(SnapStartHooks.class);
      assertThat(hooks.createSingletons()).isEmpty();
      SnapStartHooks.PrimingReport report = hooks.prime();

      // a primer may fail (an absent secret is "not found" in the emulator too): it ran all the
      // same
      List<String> ran =
          Stream.concat(
                  report.primed().stream(),
                  report.failed().stream().map(f -> f.substring(0, f.lastIndexOf(':'))))
              .toList();
      assertThat(ran).contains("secretsmanager:DescribeSecret", "dynamodb:GetItem", "json");
    }
  }

  @Test
  void init_stillFails_namingTheSetting_whenTheTableIsNotConfigured() {
    System.clearProperty(LocalAwsExtension.TABLE_PROPERTY);
    try {
      assertThatThrownBy(WebhookHandler::new).hasMessageContaining("keyturn.table");
    } finally {
      System.setProperty(LocalAwsExtension.TABLE_PROPERTY, LocalAwsExtension.TABLE);
    }
  }
}

package dev.keyturn.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.config.LambdaContexts;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.identity.CallerIdentityReader;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.testing.aws.WithLocalAws;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.inject.BeanDefinition;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A context started as keyturn's handlers start theirs in Lambda ({@link LambdaContexts}): only
 * what a caller asks for is created at init, and the SnapStart checkpoint, fired through the CRaC
 * context micronaut-crac registered the hooks with, still runs every primer and leaves every
 * singleton created in the snapshot.
 */
@WithLocalAws
class LambdaStartTest {

  private static final Map<String, Object> PROPERTIES =
      Map.of("snapstart-test.primers", "true", "snapstart-test.crac", "recording");

  @Test
  void init_createsWhatTheHandlerInjects_andNoPrimerNorUnusedClient() {
    try (ApplicationContext context = LambdaContexts.builder().properties(PROPERTIES).start()) {
      context.getBean(InventoryStore.class); // what a handler's service needs
      // services holding these build their clients on first use
      context.getBean(SecretSource.class);
      context.getBean(EventPublisher.class);
      context.getBean(CallerIdentityReader.class);

      assertThat(context.getEnvironment().getActiveNames()).contains("function", "lambda");
      assertThat(context.getActiveBeanRegistrations(Primer.class)).isEmpty();
      assertThat(context.getActiveBeanRegistrations(EventBridgeClient.class)).isEmpty();
      assertThat(context.getActiveBeanRegistrations(SsmClient.class)).isEmpty();
      assertThat(context.getActiveBeanRegistrations(StsClient.class)).isEmpty();
      assertThat(context.getBean(RecordingCracContext.class).registered())
          .anyMatch(SnapStartHooks.class::isInstance);
    }
  }

  @Test
  void theCheckpoint_runsEveryPrimerOnce_andCreatesEveryKeyturnSingletonFirst() throws Exception {
    try (ApplicationContext context = LambdaContexts.builder().properties(PROPERTIES).start()) {
      context.getBean(InventoryStore.class);

      context.getBean(RecordingCracContext.class).context().beforeCheckpoint(null);

      assertThat(context.getBean(TestPrimers.Counting.class).calls).hasValue(1);
      assertThat(context.getActiveBeanRegistrations(EventBridgeClient.class)).hasSize(1);
      Set<BeanDefinition<?>> created =
          context.getActiveBeanRegistrations(Object.class).stream()
              .map(BeanRegistration::getBeanDefinition)
              .collect(Collectors.toSet());
      assertThat(
              context.getAllBeanDefinitions().stream()
                  .filter(d -> d.isSingleton() && !d.isIterable() && !d.isAbstract())
                  .filter(d -> d.getBeanType().getPackageName().startsWith("dev.keyturn")))
          .isNotEmpty()
          .allMatch(created::contains);
    }
  }

  @Test
  void afterRestore_throughTheSameContext_renewsTheCredentialsChain() throws Exception {
    try (ApplicationContext context = LambdaContexts.builder().properties(PROPERTIES).start()) {
      RefreshableCredentialsProvider credentials =
          context.getBean(RefreshableCredentialsProvider.class);
      RecordingCracContext crac = context.getBean(RecordingCracContext.class);
      crac.context().beforeCheckpoint(null);
      var inSnapshot = credentials.delegate();

      crac.context().afterRestore(null);

      assertThat(credentials.delegate()).isNotSameAs(inSnapshot);
    }
  }
}

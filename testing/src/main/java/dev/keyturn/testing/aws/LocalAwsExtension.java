package dev.keyturn.testing.aws;

import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.leak.CaptureConfiguration;
import dev.keyturn.testing.leak.ConsoleTee;
import dev.keyturn.testing.leak.LeakGuard;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Gives each test class the shared {@link LocalAws} ({@link SharedLocalAws}: the backend {@code
 * KEYTURN_LOCAL_AWS} selects, moto unless set) with fresh state, and fails the class if a seeded
 * secret value leaked into log output or into the state table.
 *
 * <p>Before the class: leak capture verified, local AWS started (once per JVM), SDK system
 * properties applied, {@code keyturn.table} set to {@link #TABLE}, every resource and table
 * forgotten ({@link LocalAws#reset()}) and {@link #TABLE} created from template.yaml. After the
 * class (after its own {@code @AfterAll}): leak check of the output and of every table.
 * {@code @Nested} classes share their enclosing class's state and check.
 *
 * <p>Declare it before {@code @MicronautTest} so the properties exist when the context starts.
 */
public final class LocalAwsExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  /** Name of the state table every test class gets fresh. */
  public static final String TABLE = "keyturn-test-state";

  /** Micronaut reads config {@code keyturn.table} (env var KEYTURN_TABLE maps to it too). */
  public static final String TABLE_PROPERTY = "keyturn.table";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalAwsExtension.class);
  private static final String WINDOW_START = "leak-window-start";

  @Override
  public void beforeAll(ExtensionContext context) {
    if (isNested(context)) {
      return;
    }
    ConsoleTee.install();
    CaptureConfiguration.requireCapturing();
    LocalAws aws = SharedLocalAws.get();
    aws.applyToSystemProperties();
    System.setProperty(TABLE_PROPERTY, TABLE);
    aws.reset();
    aws.recreateTable(TABLE);
    context.getStore(NAMESPACE).put(WINDOW_START, LeakGuard.windowStart());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (isNested(context)) {
      return;
    }
    Long windowStart = context.getStore(NAMESPACE).get(WINDOW_START, Long.class);
    if (windowStart == null) {
      return; // beforeAll failed; that failure is the one to report
    }
    var leaks = LeakGuard.findLeaks(windowStart, SharedLocalAws.get().dynamoDb());
    LeakGuard.assertNoLeaks(context.getRequiredTestClass().getName(), leaks);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalAws.class || type == DynamoDbClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalAws aws = SharedLocalAws.get();
    return parameter.getParameter().getType() == LocalAws.class ? aws : aws.dynamoDb();
  }

  private static boolean isNested(ExtensionContext context) {
    return context.getParent().flatMap(ExtensionContext::getTestClass).isPresent();
  }
}

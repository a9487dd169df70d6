package dev.keyturn.testing.heroku;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * One {@link HerokuStandIn} per test class (nested classes share their outer class's), stopped
 * after the class. After each test, recorded contract violations fail that test and are then
 * cleared so they do not fail the next one too.
 */
public final class HerokuStandInExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HerokuStandInExtension.class);
  private static final String KEY = "stand-in";

  @Override
  public void beforeAll(ExtensionContext context) {
    if (find(context) == null) {
      context.getStore(NAMESPACE).put(KEY, new Owned(HerokuStandIn.start()));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // only the class that started it stops it; remove() does not look at outer classes
    Owned owned = context.getStore(NAMESPACE).remove(KEY, Owned.class);
    if (owned != null) {
      owned.standIn().close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    boolean reset =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithHerokuStandIn.class)
            .map(WithHerokuStandIn::resetBeforeEach)
            .orElse(true);
    if (reset) {
      require(context).reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    HerokuStandIn standIn = require(context);
    List<ContractViolation> violations = standIn.contractViolations();
    standIn.clearContractViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "Heroku contract violations during this test:\n  - "
              + String.join("\n  - ", violations.stream().map(Object::toString).toList()));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HerokuStandIn.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return require(context);
  }

  private static HerokuStandIn require(ExtensionContext context) {
    HerokuStandIn standIn = find(context);
    if (standIn == null) {
      throw new IllegalStateException("no Heroku stand-in running for " + context.getUniqueId());
    }
    return standIn;
  }

  /** Looks in this context's store and, through JUnit's store hierarchy, in outer classes'. */
  private static HerokuStandIn find(ExtensionContext context) {
    Owned owned = context.getStore(NAMESPACE).get(KEY, Owned.class);
    return owned == null ? null : owned.standIn();
  }

  /** Held in the store; not AutoCloseable, so stopping stays with {@link #afterAll}. */
  private record Owned(HerokuStandIn standIn) {}
}

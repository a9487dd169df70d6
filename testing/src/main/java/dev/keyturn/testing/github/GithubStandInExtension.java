package dev.keyturn.testing.github;

import dev.keyturn.testing.heroku.ContractViolation;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link GithubStandIn} per test class (nested classes share it), reset before each test,
 * stopped after the class; recorded contract violations fail the test they happened in.
 */
public final class GithubStandInExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GithubStandInExtension.class);
  private static final String KEY = "stand-in";

  @Override
  public void beforeAll(ExtensionContext context) {
    if (find(context) == null) {
      context.getStore(NAMESPACE).put(KEY, new Owned(GithubStandIn.start()));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Owned owned = context.getStore(NAMESPACE).remove(KEY, Owned.class);
    if (owned != null) {
      owned.standIn().close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    require(context).reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    GithubStandIn standIn = require(context);
    List<ContractViolation> violations = standIn.contractViolations();
    standIn.clearContractViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "GitHub contract violations during this test:\n  - "
              + String.join("\n  - ", violations.stream().map(Object::toString).toList()));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == GithubStandIn.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return require(context);
  }

  private static GithubStandIn require(ExtensionContext context) {
    GithubStandIn standIn = find(context);
    if (standIn == null) {
      throw new IllegalStateException("no GitHub stand-in running for " + context.getUniqueId());
    }
    return standIn;
  }

  private static GithubStandIn find(ExtensionContext context) {
    Owned owned = context.getStore(NAMESPACE).get(KEY, Owned.class);
    return owned == null ? null : owned.standIn();
  }

  private record Owned(GithubStandIn standIn) {}
}

package dev.keyturn.testing.lambda;

import java.lang.reflect.Method;
import java.util.Collection;

/**
 * What a warm sandbox's Micronaut handler holds between invocations, read reflectively from the
 * handler instance inside the harness (its classes are the sandbox's, not the test's). Issue 14:
 * micronaut-function-aws registered every invocation's Lambda {@code Context} as a new singleton.
 */
public final class WarmSandbox {

  private WarmSandbox() {}

  /**
   * How many bean definitions of {@code typeName} the handler's application context holds (the
   * handler must be a micronaut {@code ApplicationContextProvider}).
   */
  public static int beanDefinitions(LambdaRuntimeHarness sandbox, String typeName) {
    Object handler = sandbox.functionHandler();
    try {
      ClassLoader loader = handler.getClass().getClassLoader();
      Class<?> provider = loader.loadClass("io.micronaut.context.ApplicationContextProvider");
      Object context = provider.getMethod("getApplicationContext").invoke(handler);
      Class<?> beanContext = loader.loadClass("io.micronaut.context.BeanDefinitionRegistry");
      Method definitions = beanContext.getMethod("getBeanDefinitions", Class.class);
      return ((Collection<?>) definitions.invoke(context, loader.loadClass(typeName))).size();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("not a Micronaut handler: " + handler.getClass(), e);
    }
  }
}

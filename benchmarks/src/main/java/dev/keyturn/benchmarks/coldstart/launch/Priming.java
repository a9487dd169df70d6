package dev.keyturn.benchmarks.coldstart.launch;

import java.lang.reflect.Method;

/**
 * Runs keyturn's SnapStart hooks in a started handler, as Lambda does when it takes the snapshot
 * (beforeCheckpoint: primers) and restores it (afterRestore: fresh credentials, reseeding). By
 * reflection: the launcher must not link against Micronaut or keyturn, so bare handlers run without
 * them.
 */
final class Priming {

  private static final String HOOKS = "dev.keyturn.snapstart.SnapStartHooks";

  private Priming() {}

  /** Nanoseconds spent in the hooks. */
  static long run(Object handler) throws ReflectiveOperationException {
    long started = System.nanoTime();
    Object context = handler.getClass().getMethod("getApplicationContext").invoke(handler);
    Class<?> hooksType = Class.forName(HOOKS, true, handler.getClass().getClassLoader());
    Object hooks = context.getClass().getMethod("getBean", Class.class).invoke(context, hooksType);
    oneArgument(hooksType, "beforeCheckpoint").invoke(hooks, (Object) null);
    oneArgument(hooksType, "afterRestore").invoke(hooks, (Object) null);
    return System.nanoTime() - started;
  }

  private static Method oneArgument(Class<?> type, String name) throws NoSuchMethodException {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 1) {
        return method;
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name);
  }
}

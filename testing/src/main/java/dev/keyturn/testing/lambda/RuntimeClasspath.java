package dev.keyturn.testing.lambda;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The jars the Lambda Java runtime itself runs from (its "system" class path in a real sandbox):
 * the runtime interface client, aws-lambda-java-core, aws-lambda-java-serialization and utils-lite.
 * They are located where this module's own dependencies resolved them, then loaded in a class
 * loader of their own whose parent is the platform class loader, so nothing else on the test class
 * path (joda-time, Jackson, the function's own classes) is visible to a function jar.
 */
final class RuntimeClasspath {

  /** One class from each runtime jar, in the order the runtime's class path lists them. */
  private static final List<String> MARKER_CLASSES =
      List.of(
          "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
          "com.amazonaws.services.lambda.runtime.RequestHandler",
          "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
          "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

  private RuntimeClasspath() {}

  /** A fresh, isolated class loader holding the runtime; one per harness, like one per sandbox. */
  static URLClassLoader newRuntimeClassLoader() {
    return new URLClassLoader(
        "lambda-runtime", jars().toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  static Set<URL> jars() {
    Set<URL> jars = new LinkedHashSet<>();
    for (String marker : MARKER_CLASSES) {
      jars.add(locationOf(marker));
    }
    return jars;
  }

  private static URL locationOf(String className) {
    try {
      Class<?> type = Class.forName(className, false, RuntimeClasspath.class.getClassLoader());
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        throw new IllegalStateException("cannot locate the jar of " + className);
      }
      // normalise so that equal jars collapse in the set
      return source.getLocation().toURI().normalize().toURL();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "Lambda runtime class missing from the class path: " + className, e);
    } catch (URISyntaxException | java.net.MalformedURLException e) {
      throw new IllegalStateException("unusable location for " + className, e);
    }
  }
}

package dev.keyturn.cli.architecture;

import java.util.List;

/**
 * What must never reach the CLI's runtime class path: test frameworks, keyturn's own test support,
 * the Lambda runtime client (only the runtime harness needs it), the JSON-schema validator (only
 * the stand-ins need it), and Testcontainers (1.x drags in JUnit 4).
 */
final class TestLibraries {

  /** Maven coordinates, as {@code groupId:artifactId} prefixes. */
  static final List<String> COORDINATES =
      List.of(
          "org.junit",
          "junit:",
          "org.opentest4j:",
          "org.apiguardian:",
          "org.hamcrest:",
          "org.assertj:",
          "org.mockito:",
          "net.jqwik:",
          "com.tngtech.archunit:",
          "dev.keyturn:keyturn-testing",
          "com.amazonaws:aws-lambda-java-runtime-interface-client",
          "com.networknt:",
          "org.testcontainers:");

  /** The same libraries as entry prefixes of a jar. */
  static final List<String> JAR_ENTRIES =
      List.of(
          "org/junit/",
          "junit/",
          "org/opentest4j/",
          "org/hamcrest/",
          "org/assertj/",
          "org/mockito/",
          "net/jqwik/",
          "com/tngtech/archunit/",
          "dev/keyturn/testing/",
          "com/amazonaws/services/lambda/runtime/api/client/",
          "com/networknt/schema/",
          "org/testcontainers/");

  private TestLibraries() {}
}

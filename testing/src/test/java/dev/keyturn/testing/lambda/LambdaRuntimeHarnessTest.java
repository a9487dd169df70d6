package dev.keyturn.testing.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaRuntimeHarnessTest {

  private static final String SCHEDULED_EVENT =
      """
      {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
       "source":"aws.events","account":"123456789012","time":"2026-11-22T16:53:06Z",
       "region":"us-east-1",
       "resources":["arn:aws:events:us-east-1:123456789012:rule/keyturn-sweep"],"detail":{}}
      """;

  private static final Map<String, String> HANDLERS =
      Map.of(
          "fixture.EchoStepHandler",
          """
          package fixture;
          import com.amazonaws.services.lambda.runtime.Context;
          import com.amazonaws.services.lambda.runtime.RequestHandler;
          import java.util.LinkedHashMap;
          import java.util.Map;
          public class EchoStepHandler
              implements RequestHandler<Map<String, Object>, Map<String, Object>> {
            public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
              Map<String, Object> reply = new LinkedHashMap<>();
              reply.put("step", event.get("Step"));
              reply.put("hasRequestId", !context.getAwsRequestId().isEmpty());
              reply.put("hasTimeLeft", context.getRemainingTimeInMillis() > 0);
              reply.put("functionArn", context.getInvokedFunctionArn());
              return reply;
            }
          }
          """,
          "fixture.RotationStepHandler",
          """
          package fixture;
          import com.amazonaws.services.lambda.runtime.Context;
          import com.amazonaws.services.lambda.runtime.RequestHandler;
          public class RotationStepHandler implements RequestHandler<RotationStepHandler.Event, String> {
            public static class Event {
              private String step;
              private String secretId;
              public String getStep() { return step; }
              public void setStep(String step) { this.step = step; }
              public String getSecretId() { return secretId; }
              public void setSecretId(String secretId) { this.secretId = secretId; }
            }
            public String handleRequest(Event event, Context context) {
              return event.getStep() + " " + event.getSecretId();
            }
          }
          """,
          "fixture.ScheduledHandler",
          """
          package fixture;
          import com.amazonaws.services.lambda.runtime.Context;
          import com.amazonaws.services.lambda.runtime.RequestHandler;
          import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
          public class ScheduledHandler implements RequestHandler<ScheduledEvent, String> {
            public String handleRequest(ScheduledEvent event, Context context) {
              return event.getDetailType() + " at " + event.getTime().getYear();
            }
          }
          """,
          "fixture.FailingHandler",
          """
          package fixture;
          import com.amazonaws.services.lambda.runtime.Context;
          import com.amazonaws.services.lambda.runtime.RequestHandler;
          import java.util.Map;
          public class FailingHandler implements RequestHandler<Map<String, Object>, String> {
            public String handleRequest(Map<String, Object> event, Context context) {
              throw new IllegalStateException("unknown rotation step");
            }
          }
          """,
          "fixture.ClasspathProbe",
          """
          package fixture;
          import com.amazonaws.services.lambda.runtime.Context;
          import com.amazonaws.services.lambda.runtime.RequestHandler;
          import java.util.LinkedHashMap;
          import java.util.Map;
          public class ClasspathProbe
              implements RequestHandler<Map<String, Object>, Map<String, Object>> {
            public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
              Map<String, Object> reply = new LinkedHashMap<>();
              reply.put("seesTestLibraries", loads("org.assertj.core.api.Assertions"));
              reply.put("seesHarness", loads("dev.keyturn.testing.lambda.LambdaRuntimeHarness"));
              reply.put("contextLoaderIsFunctions",
                  Thread.currentThread().getContextClassLoader() == getClass().getClassLoader());
              reply.put("coreFromRuntime",
                  RequestHandler.class.getClassLoader() != getClass().getClassLoader());
              return reply;
            }
            private boolean loads(String name) {
              try {
                Class.forName(name, false, getClass().getClassLoader());
                return true;
              } catch (ClassNotFoundException e) {
                return false;
              }
            }
          }
          """);

  @TempDir static Path workDir;
  private static Path withJoda;
  private static Path withoutJoda;

  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeAll
  static void buildFunctionJars() throws Exception {
    Path core = FixtureJar.jarOf(RequestHandler.class);
    Path events = FixtureJar.jarOf(ScheduledEvent.class);
    Path joda = FixtureJar.jarOf(DateTime.class);
    List<Path> compileClasspath = List.of(core, events, joda);
    withJoda =
        FixtureJar.build(
            workDir.resolve("function.jar"),
            HANDLERS,
            compileClasspath,
            List.of(core, events, joda));
    withoutJoda =
        FixtureJar.build(
            workDir.resolve("function-no-joda.jar"),
            HANDLERS,
            compileClasspath,
            List.of(core, events));
  }

  @Test
  void mapHandler_receivesTheEventJson_andAnswersJson() throws Exception {
    try (LambdaRuntimeHarness function =
        LambdaRuntimeHarness.load(withJoda, "fixture.EchoStepHandler::handleRequest")) {

      JsonNode reply = mapper.readTree(function.invoke("{\"Step\":\"createSecret\"}"));

      assertThat(reply.path("step").asText()).isEqualTo("createSecret");
      assertThat(reply.path("hasRequestId").asBoolean()).isTrue();
      assertThat(reply.path("hasTimeLeft").asBoolean()).isTrue();
      assertThat(reply.path("functionArn").asText()).startsWith("arn:aws:lambda:");
    }
  }

  @Test
  void handlerWithoutMethodName_isLoadedToo() throws Exception {
    try (LambdaRuntimeHarness function =
        LambdaRuntimeHarness.load(withJoda, "fixture.EchoStepHandler")) {

      assertThat(mapper.readTree(function.invoke("{\"Step\":\"setSecret\"}")).path("step").asText())
          .isEqualTo("setSecret");
    }
  }

  @Test
  void pojoHandler_losesCapitalisedKeys_inTheRuntimesOwnSerializer() {
    // Secrets Manager sends {"Step": ...}; the runtime binds bean properties case-sensitively
    // ("step"), silently leaving them null. A Map input, or a matching event class, avoids it.
    try (LambdaRuntimeHarness function =
        LambdaRuntimeHarness.load(withJoda, "fixture.RotationStepHandler::handleRequest")) {

      String capitalised =
          function.invoke(
              "{\"Step\":\"createSecret\",\"SecretId\":\"keyturn/demo\","
                  + "\"ClientRequestToken\":\"token-1\"}");
      String matching =
          function.invoke("{\"step\":\"createSecret\",\"secretId\":\"keyturn/demo\"}");

      assertThat(capitalised).isEqualTo("\"null null\"");
      assertThat(matching).isEqualTo("\"createSecret keyturn/demo\"");
    }
  }

  @Test
  void scheduledEventHandler_works_whenJodaTimeIsShadedIn() {
    try (LambdaRuntimeHarness function =
        LambdaRuntimeHarness.load(withJoda, "fixture.ScheduledHandler::handleRequest")) {

      assertThat(function.invoke(SCHEDULED_EVENT)).isEqualTo("\"Scheduled Event at 2026\"");
    }
  }

  @Test
  void scheduledEventHandler_failsToLoad_whenJodaTimeIsMissing_thoughTheTestsClasspathHasIt() {
    assertThatThrownBy(
            () -> LambdaRuntimeHarness.load(withoutJoda, "fixture.ScheduledHandler::handleRequest"))
        .isInstanceOfSatisfying(
            LambdaInitException.class,
            failure -> {
              // what Lambda reports: the runtime's serializer fails while wiring ScheduledEvent
              assertThat(failure.errorType())
                  .isEqualTo(
                      "com.amazonaws.services.lambda.runtime.serialization.util"
                          + ".ReflectUtil$ReflectException");
              assertThat(failure.errorMessage()).contains("org.joda.time.DateTime");
              assertThat(failure.handler()).isEqualTo("fixture.ScheduledHandler::handleRequest");
            });
  }

  @Test
  void throwingHandler_surfacesTheRuntimesErrorTypeAndMessage() {
    try (LambdaRuntimeHarness function =
        LambdaRuntimeHarness.load(withJoda, "fixture.FailingHandler::handleRequest")) {

      assertThatThrownBy(() -> function.invoke("{}"))
          .isInstanceOfSatisfying(
              LambdaInvocationException.class,
              failure -> {
                assertThat(failure.errorType()).isEqualTo("java.lang.IllegalStateException");
                assertThat(failure.errorMessage()).isEqualTo("unknown rotation step");
                assertThat(failure.rapidErrorType()).isEqualTo("Runtime.UserException");
              });
    }
  }

  @Test
  void eventThatIsNotJson_failsInTheRuntimesDeserializer() {
    try (LambdaRuntimeHarness function =
        LambdaRuntimeHarness.load(withJoda, "fixture.EchoStepHandler::handleRequest")) {

      assertThatThrownBy(() -> function.invoke("not json"))
          .isInstanceOfSatisfying(
              LambdaInvocationException.class,
              failure ->
                  assertThat(failure.errorMessage())
                      .isEqualTo("An error occurred during JSON parsing"));
    }
  }

  @Test
  void missingHandlerClass_isAnInitError_namingTheClass() {
    assertThatThrownBy(
            () -> LambdaRuntimeHarness.load(withJoda, "fixture.NoSuchHandler::handleRequest"))
        .isInstanceOfSatisfying(
            LambdaInitException.class,
            failure -> {
              assertThat(failure.errorType()).isEqualTo("java.lang.ClassNotFoundException");
              assertThat(failure.errorMessage()).contains("fixture.NoSuchHandler");
            });
  }

  @Test
  void missingHandlerMethod_isAnInitError() {
    assertThatThrownBy(() -> LambdaRuntimeHarness.load(withJoda, "fixture.EchoStepHandler::nope"))
        .isInstanceOf(LambdaInitException.class);
  }

  @Test
  void function_seesOnlyItsJarAndTheRuntime() throws Exception {
    try (LambdaRuntimeHarness function =
        LambdaRuntimeHarness.load(withJoda, "fixture.ClasspathProbe::handleRequest")) {

      JsonNode reply = mapper.readTree(function.invoke("{}"));

      assertThat(reply.path("seesTestLibraries").asBoolean()).isFalse();
      assertThat(reply.path("seesHarness").asBoolean()).isFalse();
      assertThat(reply.path("contextLoaderIsFunctions").asBoolean()).isTrue();
      assertThat(reply.path("coreFromRuntime").asBoolean()).isTrue();
    }
  }

  @Test
  void jar_isExtractedOnce_andSurvivesAClosedHarness() throws Exception {
    Path first = TaskRoot.of(withJoda);
    LambdaRuntimeHarness.load(withJoda, "fixture.EchoStepHandler").close();

    assertThat(TaskRoot.of(withJoda)).isEqualTo(first);
    assertThat(first.resolve("fixture/EchoStepHandler.class")).isRegularFile();
    try (LambdaRuntimeHarness again =
        LambdaRuntimeHarness.load(withJoda, "fixture.EchoStepHandler")) {
      assertThat(mapper.readTree(again.invoke("{\"Step\":\"testSecret\"}")).path("step").asText())
          .isEqualTo("testSecret");
    }
  }

  @Test
  void aClosedHarness_leavesTheFunctionsClassesLoadable_forItsShutdownHooks() throws Exception {
    LambdaRuntimeHarness function =
        LambdaRuntimeHarness.load(withJoda, "fixture.RotationStepHandler::handleRequest");
    function.close();

    // the first invocation loads classes it has not loaded yet, as a shutdown hook does
    String reply =
        function.invoke(
            "{\"Step\":\"createSecret\",\"SecretId\":\"s\",\"ClientRequestToken\":\"t\"}");

    assertThat(reply).isNotBlank();
  }

  @Test
  void taskRoots_liveUnderTheModulesTarget_notInATempDirectoryDeletedAtExit() {
    Path root = TaskRoot.of(withJoda);

    assertThat(root.toAbsolutePath())
        .startsWith(Path.of(System.getProperty("basedir"), "target", "lambda-task-roots"));
  }
}

package dev.keyturn.testing.lambda;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Loads a function's deployment jar the way the AWS Lambda Java runtime does and invokes it with
 * raw event JSON, so that what only breaks inside Lambda breaks in a test: a class missing from the
 * shaded jar (joda-time for events with {@code DateTime} fields), a handler string that does not
 * resolve, event JSON the runtime's own serializers read differently than the function's (the
 * runtime ignores Jackson annotations on event classes and maps capitalised keys its own way).
 *
 * <p>How it mirrors the runtime interface client 2.9.0:
 *
 * <ul>
 *   <li>The runtime (RIC, aws-lambda-java-core, aws-lambda-java-serialization, utils-lite) gets a
 *       class loader of its own over the platform class loader, standing in for the sandbox's
 *       system class path. The test class path is not visible to the function.
 *   <li>The jar is extracted into a task root under target/ (Lambda's {@code /var/task}) and read
 *       by the RIC's own {@code CustomerClassLoader}, parent the runtime, registered as {@code
 *       AWSLambda}'s customer class loader and set as the thread context class loader, as {@code
 *       AWSLambda.main} does.
 *   <li>The handler is resolved with {@code HandlerInfo.fromString} and wrapped by {@code
 *       EventHandlerLoader.loadEventHandler}; each invocation builds an {@code InvocationRequest}
 *       (request id, X-Ray trace id, function ARN, deadline, event bytes) and calls it.
 * </ul>
 *
 * <p>What it cannot mirror in-process: environment variables. The function sees the test JVM's
 * environment, and the runtime's {@code AWS_LAMBDA_*} settings are absent. Settings a handler needs
 * must be passed as system properties (e.g. {@code aws.region}, {@code aws.endpointUrl}, {@code
 * aws.accessKeyId}) before {@link #load}, and they are JVM-wide. Logging also goes to the test's
 * standard output rather than to a framed telemetry log.
 *
 * <p>One harness is one sandbox: invocations are serialised. Its class loaders live until the JVM
 * exits ({@link #close()}). Loading costs a second or more (extracting the jar once per build, then
 * a fresh runtime class loader per harness), so load once per test class where the tests allow it.
 */
public final class LambdaRuntimeHarness implements AutoCloseable {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final String FUNCTION_ARN =
      "arn:aws:lambda:us-east-1:000000000000:function:keyturn-harness";

  private final String handler;
  private final URLClassLoader runtimeLoader;
  private final URLClassLoader customerLoader;
  private final RuntimeInterface runtime;
  private final Object requestHandler;

  private LambdaRuntimeHarness(
      String handler,
      URLClassLoader runtimeLoader,
      URLClassLoader customerLoader,
      RuntimeInterface runtime) {
    this.handler = handler;
    this.runtimeLoader = runtimeLoader;
    this.customerLoader = customerLoader;
    this.runtime = runtime;
    runtime.registerCustomerClassLoader(customerLoader);
    this.requestHandler = withCustomerContext(() -> runtime.loadHandler(handler, customerLoader));
  }

  /**
   * Loads {@code handler} ("package.Class::method" or "package.Class") from the jar.
   *
   * @throws LambdaInitException when the runtime could not load it, with the runtime's error type
   *     and message
   */
  public static LambdaRuntimeHarness load(Path shadedJar, String handler) {
    Path taskRoot = TaskRoot.of(shadedJar);
    URLClassLoader runtimeLoader = RuntimeClasspath.newRuntimeClassLoader();
    URLClassLoader customerLoader = null;
    try {
      RuntimeInterface runtime = new RuntimeInterface(runtimeLoader);
      customerLoader =
          runtime.newCustomerClassLoader(
              taskRoot, taskRoot.resolveSibling(taskRoot.getFileName() + "-no-layers"));
      return new LambdaRuntimeHarness(handler, runtimeLoader, customerLoader, runtime);
    } catch (RuntimeException | Error failure) {
      closeQuietly(customerLoader, failure);
      closeQuietly(runtimeLoader, failure);
      throw failure;
    }
  }

  /** Invokes the function with event JSON; returns the response JSON the runtime would post. */
  public String invoke(String eventJson) {
    return invoke(eventJson, DEFAULT_TIMEOUT);
  }

  /**
   * Invokes with a deadline {@code remaining} from now, which the handler reads from {@code
   * Context.getRemainingTimeInMillis()}.
   *
   * @throws LambdaInvocationException when the handler or the runtime's (de)serialization fails
   */
  public synchronized String invoke(String eventJson, Duration remaining) {
    RuntimeInterface.Invocation invocation =
        new RuntimeInterface.Invocation(
            UUID.randomUUID().toString(),
            traceId(),
            FUNCTION_ARN,
            System.currentTimeMillis() + remaining.toMillis(),
            eventJson.getBytes(StandardCharsets.UTF_8));
    byte[] response = withCustomerContext(() -> runtime.invoke(requestHandler, invocation));
    return new String(response, StandardCharsets.UTF_8);
  }

  /**
   * The instance of the function's handler class the runtime created and invokes (a {@code
   * RequestHandler}), loaded by the sandbox's class loader: only reflection reads it. For tests of
   * what a warm sandbox keeps between invocations.
   */
  public Object functionHandler() {
    return runtime.functionHandler(requestHandler);
  }

  /** The handler string this harness loaded. */
  public String handler() {
    return handler;
  }

  /**
   * Ends the harness's use of the sandbox, but leaves its class loaders open: the function's code
   * stays loadable until the JVM exits, as it does in a Lambda sandbox, because the function's own
   * shutdown hooks need it then (micronaut-function-aws registers one that closes the application
   * context, loading classes as it goes). Closing the loaders here made that hook fail with {@code
   * NoClassDefFoundError} at every test JVM's exit.
   */
  @Override
  public void close() {
    // nothing to release before the JVM exits; see above
  }

  private static void closeQuietly(URLClassLoader loader, Throwable primary) {
    if (loader == null) {
      return;
    }
    try {
      loader.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }

  private <T> T withCustomerContext(Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(customerLoader);
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** An X-Ray trace header in the form Lambda passes it. */
  private static String traceId() {
    HexFormat hex = HexFormat.of();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "Root=1-%08x-%s;Parent=%s;Sampled=0"
        .formatted(
            System.currentTimeMillis() / 1000,
            hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextInt()),
            hex.toHexDigits(random.nextLong()));
  }
}

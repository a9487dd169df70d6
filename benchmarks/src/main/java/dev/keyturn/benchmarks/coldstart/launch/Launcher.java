package dev.keyturn.benchmarks.coldstart.launch;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The child JVM of the cold-start harness: stands in for the Lambda runtime's first invocation.
 * Loads the handler class from the class path (the function's shaded jar), constructs it (Lambda's
 * init phase), reads the event with the serializer the runtime would pick for the handler's input
 * type (aws-lambda-java-serialization: event serializers or Jackson), invokes once, serializes the
 * answer, and prints one marker line with its phase timings and the AWS calls the invocation made.
 * The parent stops its clock when it reads the marker.
 *
 * <p>Arguments: {@code <handler class> <event file> [--prime]}; {@code --prime} runs keyturn's
 * SnapStart hooks (before checkpoint, after restore) between init and the invocation.
 */
public final class Launcher {

  public static final String MARKER = "KEYTURN-COLDSTART ";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    long mainStarted = System.nanoTime();
    long mainWallClock = System.currentTimeMillis();
    String handlerClass = args[0];
    Path event = Path.of(args[1]);
    boolean prime = args.length > 2 && args[2].equals("--prime");
    try {
      Object handler = Class.forName(handlerClass).getDeclaredConstructor().newInstance();
      long initialised = System.nanoTime();
      long primeNanos = prime ? Priming.run(handler) : 0;
      CallCounter.reset();
      long invokeStarted = System.nanoTime();
      int responseBytes = invoke(handler, event);
      long answered = System.nanoTime();
      long cpuMillis = cpuMillis();
      report(
          ("\"mainAtEpochMs\":%d,\"initMs\":%.1f,\"primeMs\":%.1f,\"invokeMs\":%.1f,"
                  + "\"cpuMs\":%d,\"responseBytes\":%d,\"calls\":%s")
              .formatted(
                  mainWallClock,
                  millis(initialised - mainStarted),
                  millis(primeNanos),
                  millis(answered - invokeStarted),
                  cpuMillis,
                  responseBytes,
                  CallCounter.json()));
      System.exit(0);
    } catch (Throwable failure) {
      report("\"error\":\"" + failure.getClass().getName() + "\"");
      failure.printStackTrace();
      System.exit(1);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int invoke(Object handler, Path event) throws Exception {
    PojoSerializer<Object> in =
        RuntimeSerializers.forType(RuntimeSerializers.inputType(handler.getClass()));
    Object input;
    try (InputStream json = Files.newInputStream(event)) {
      input = in.fromJson(json);
    }
    Object output =
        ((RequestHandler) handler).handleRequest(input, new LaunchContext(UUID.randomUUID()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RuntimeSerializers.forType(output.getClass()).toJson(output, out);
    return out.size();
  }

  /**
   * CPU time of the whole JVM so far (every thread: main, JIT compilers, GC), from /proc: on a
   * shared machine it varies far less than wall time, so its ratio is the steadier cross-check.
   */
  private static long cpuMillis() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(java.time.Duration::toMillis)
        .orElse(-1L);
  }

  private static void report(String fields) {
    System.out.println(MARKER + "{" + fields + "}");
    System.out.flush();
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}

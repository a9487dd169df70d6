package dev.keyturn.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.keyturn.benchmarks.coldstart.launch.Launcher;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.heroku.HerokuStandIn;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Cold starts of each function's shaded jar against a bare handler doing the same work: for every
 * scenario, JVM flag set and handler, a fresh JVM per run, timed from process spawn to the answer.
 * Runs are interleaved (keyturn, bare, primed, keyturn, ...) so a busy moment of a shared machine
 * hits every handler alike; the first round is a warm-up (page cache, emulators) and not counted.
 * moto, DynamoDB Local and the Heroku stand-in are started once, here.
 *
 * <p>Usage, from the repository root: {@code ColdStartHarness [--runs N] [--only
 * rotate|sync|webhook] [--flags defaults|c1|all] [--before DIR] [--report file.md] [--jvm-option
 * OPTION]...} with system property {@code coldstart.launcherJar} (run.sh does all this). {@code
 * --before DIR} adds keyturn's and the bare handler's runs on the jars of an earlier build in DIR,
 * interleaved with the others, so a change is measured against its baseline in one run.
 */
public final class ColdStartHarness {

  static final String TABLE = "keyturn-coldstart";

  private final Path logs;
  private final Path eventFile;
  private final Path launcherJar;
  private final Path serializationJar;
  private final Path taskRoots;
  private final Options options;

  private ColdStartHarness(Path root, Options options) throws IOException {
    this.logs = Files.createDirectories(root.resolve("benchmarks/target/coldstart-logs"));
    this.eventFile =
        Files.createDirectories(root.resolve("benchmarks/target/coldstart-events"))
            .resolve("event.json");
    this.launcherJar = Path.of(System.getProperty("coldstart.launcherJar"));
    this.serializationJar = codeSource(JacksonFactory.class);
    this.taskRoots = root.resolve("benchmarks/target/coldstart-task-roots");
    this.options = options;
  }

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    ColdStartHarness harness = new ColdStartHarness(Path.of("").toAbsolutePath(), options);
    try (LocalAws aws = LocalAws.start(harness.logs);
        HerokuStandIn heroku = HerokuStandIn.start()) {
      aws.applyToSystemProperties();
      aws.recreateTable(TABLE);
      try (SecretsManagerClient secretsManager = SecretsManagerClient.create();
          EventBridgeClient eventBridge = EventBridgeClient.create()) {
        StateSeeder state = new StateSeeder(aws.dynamoDb(), TABLE);
        List<Scenario> scenarios = new ArrayList<>();
        if (options.includes("rotate")) {
          scenarios.add(new RotateScenario(aws, state, secretsManager));
        }
        if (options.includes("sync")) {
          scenarios.add(new SyncScenario(state, secretsManager, heroku));
        }
        if (options.includes("webhook")) {
          scenarios.add(new WebhookScenario(state, secretsManager, eventBridge));
        }
        // every task root unpacked before the first run: a build that rewrites a jar meanwhile
        // changes nothing in this run
        Map<String, List<String>> classPaths = new HashMap<>();
        for (Scenario scenario : scenarios) {
          classPaths.put(scenario.templateFunction(), harness.classPaths(scenario));
        }
        Results results = new Results();
        for (Scenario scenario : scenarios) {
          harness.measure(scenario, classPaths.get(scenario.templateFunction()), aws, results);
        }
        String machine =
            "JDK %s, %d CPUs."
                .formatted(
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        String report =
            Report.markdown(
                scenarios, results, options.runs(), machine, options.flags(), options.variants());
        System.out.println(report);
        if (options.report() != null) {
          Files.writeString(options.report(), report);
        }
      }
    }
  }

  /**
   * The children's class paths: this build's and (with {@code --before}) the earlier build's.
   * Lambda unpacks the deployment package into /var/task and puts that directory on the class path,
   * so classes and Micronaut's service entries are read from files, not from the jar.
   */
  private List<String> classPaths(Scenario scenario) {
    Path jar = TemplateFunction.of(scenario.templateFunction()).codeUri();
    List<String> classPaths = new ArrayList<>();
    classPaths.add(classPath(TaskRoot.of(jar, taskRoots.resolve("after"))));
    if (options.before() != null) {
      Path before = options.before().resolve(jar.getFileName());
      classPaths.add(classPath(TaskRoot.of(before, taskRoots.resolve("before"))));
    }
    return classPaths;
  }

  private void measure(Scenario scenario, List<String> classPaths, LocalAws aws, Results results)
      throws IOException {
    scenario.seed();
    TemplateFunction function = TemplateFunction.of(scenario.templateFunction());
    Map<String, String> environment = new HashMap<>(aws.environment());
    environment.put("KEYTURN_TABLE", TABLE);
    environment.putAll(scenario.environment());
    for (JvmFlags flags : options.flags()) {
      for (int run = 0; run <= options.runs(); run++) {
        for (Variant variant : options.variants()) {
          String handler = variant.bare() ? scenario.bareHandler() : function.handler();
          Files.writeString(eventFile, scenario.nextEvent());
          Path log = logs.resolve(scenario.templateFunction() + "-" + variant + ".log");
          String cp = classPaths.get(variant.before() ? 1 : 0);
          Measurement m =
              JvmRun.run(command(flags, cp, handler, variant, scenario), environment, log)
                  .withCalls(scenario.callsOutsideAws());
          if (run > 0) {
            results.add(new Results.Key(scenario.description(), flags, variant), m);
          }
          System.err.printf(
              "%s | %s | %s | run %d%s: %.0f ms%n",
              scenario.templateFunction(),
              flags.label(),
              variant.label(),
              run,
              run == 0 ? " (warm-up)" : "",
              m.totalMs());
        }
      }
    }
  }

  private String classPath(Path taskRoot) {
    return String.join(
        File.pathSeparator,
        taskRoot.toString(),
        launcherJar.toString(),
        serializationJar.toString());
  }

  private List<String> command(
      JvmFlags flags, String classPath, String handler, Variant variant, Scenario scenario) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags.options());
    command.addAll(options.childOptions());
    command.addAll(List.of("-cp", classPath, Launcher.class.getName()));
    command.addAll(List.of(handler, eventFile.toString()));
    if (variant == Variant.KEYTURN_PRIMED) {
      command.add("--prime");
    }
    return command;
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Command-line options. */
  record Options(
      int runs,
      String only,
      Path report,
      List<String> childOptions,
      List<JvmFlags> flags,
      Path before) {

    static Options parse(String[] args) {
      int runs = 5;
      String only = null;
      Path report = null;
      List<String> childOptions = new ArrayList<>();
      List<JvmFlags> flags = List.of(JvmFlags.values());
      Path before = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--runs" -> runs = Integer.parseInt(args[++i]);
          case "--only" -> only = args[++i];
          case "--report" -> report = Path.of(args[++i]);
          // e.g. --jvm-option -XX:StartFlightRecording=filename=x.jfr to see where time goes
          case "--jvm-option" -> childOptions.add(args[++i]);
          // defaults | c1 | all
          case "--flags" -> flags = JvmFlags.parse(args[++i]);
          // a directory holding the functions' jars of an earlier build, measured in the same run
          case "--before" -> before = Path.of(args[++i]).toAbsolutePath();
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(runs, only, report, childOptions, flags, before);
    }

    boolean includes(String scenario) {
      return only == null || only.equals(scenario);
    }

    /** Every variant, less the before-build one unless an earlier build is given. */
    List<Variant> variants() {
      return java.util.Arrays.stream(Variant.values())
          .filter(v -> before != null || !v.before())
          .toList();
    }
  }
}

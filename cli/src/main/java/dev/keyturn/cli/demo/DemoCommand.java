package dev.keyturn.cli.demo;

import dev.keyturn.cli.Main;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keyturn demo}: the whole loop on this machine, against local AWS it starts and stops
 * itself. Never prints a secret value.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run keyturn end to end against a local AWS (moto_server + DynamoDB Local) it starts:",
      "lint and apply the example inventory, seed its secrets, then clean up."
    },
    footer = {"", "Example:", "  keyturn demo", "  keyturn demo --inventory my-inventory.yaml"})
public final class DemoCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--inventory",
      paramLabel = "FILE",
      description = "inventory to demo (default: ${DEFAULT-VALUE})")
  Path inventory = Path.of("examples/inventory.yaml");

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "where .env sinks and emulator logs go (default: ${DEFAULT-VALUE})")
  Path workDir = Path.of("target/keyturn-demo");

  @Override
  public Integer call() throws Exception {
    Narrator say = new Narrator(spec.commandLine().getOut());
    try (DemoRun run = DemoRun.start(inventory, workDir, say)) {
      run.lintAndApply();
      run.applyAgainChangesNothing();
      run.seedSecrets();
    }
    say.done();
    return Main.OK;
  }
}

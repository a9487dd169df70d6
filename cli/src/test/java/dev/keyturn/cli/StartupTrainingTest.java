package dev.keyturn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AOT cache's training run: every command given, in turn, in this JVM, printing nothing. */
class StartupTrainingTest {

  @Test
  void commands_areSplitAtThen() {
    assertThat(StartupTraining.commands("--help", "--then", "lint", "a.yaml", "--then", "status"))
        .containsExactly(List.of("--help"), List.of("lint", "a.yaml"), List.of("status"));
  }

  @Test
  void run_runsEachCommand_andReturnsItsExitCode() {
    assertThat(
            StartupTraining.run(
                List.of(
                    List.of("--version"),
                    List.of("lint", "no/such/inventory.yaml"),
                    List.of("--help"))))
        .containsExactly(0, 2, 0);
  }

  @Test
  void main_printsNothing_andGivesTheStreamsBack() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed);
    System.setOut(capture);
    System.setErr(capture);
    try {
      StartupTraining.main(new String[] {"--version", "--then", "lint", "no/such/file.yaml"});

      assertThat(System.out).isSameAs(capture);
      assertThat(System.err).isSameAs(capture);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(printed.toString()).isEmpty();
  }
}

package dev.keyturn.testing.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The guard's detectors, fed deliberately leaked values. The values are not registered in {@link
 * SeededSecrets}, so the real guard around other classes never sees them as leaks.
 */
class LeakDetectionTest {

  private static final Logger LOG = LoggerFactory.getLogger("dev.keyturn.leakprobe.Sync");

  private final String leaked = "kt-fake-" + UUID.randomUUID();
  private final SecretMatcher matcher = SecretMatcher.of(List.of(leaked));

  @Test
  void outputScan_findsAValueLoggedAtDebug_andNamesTheLogger() {
    long start = CapturedOutput.cursor();

    LOG.debug("publishing value {}", leaked);

    List<Leak> leaks = OutputLeakScan.scan(CapturedOutput.since(start), matcher);
    assertThat(leaks).containsExactly(new Leak("logger dev.keyturn.leakprobe.Sync", "raw"));
  }

  @Test
  void outputScan_findsValuesHiddenInMdcArgumentsAndExceptionCauses() {
    long start = CapturedOutput.cursor();

    MDC.put("token", Base64.getEncoder().encodeToString(leaked.getBytes(StandardCharsets.UTF_8)));
    try {
      LOG.info("mdc carries it");
    } finally {
      MDC.remove("token");
    }
    LOG.info("no placeholder", (Object) leaked.toCharArray());
    LOG.info("failed", new IllegalStateException("wrapper", new RuntimeException("was " + leaked)));

    List<Leak> leaks = OutputLeakScan.scan(CapturedOutput.since(start), matcher);
    assertThat(leaks)
        .containsExactly(
            new Leak("logger dev.keyturn.leakprobe.Sync", "base64"),
            new Leak("logger dev.keyturn.leakprobe.Sync", "raw"));
    assertThat(CapturedOutput.since(start))
        .hasSize(3)
        .allMatch(e -> matcher.find(e.text()).isPresent());
  }

  @Test
  void outputScan_findsAValuePrintedToTheConsole() {
    ConsoleTee.install();
    long start = CapturedOutput.cursor();

    System.out.print("println-leak " + leaked);
    ConsoleTee.recordPartialLines();
    System.out.println();

    assertThat(OutputLeakScan.scan(CapturedOutput.since(start), matcher))
        .containsExactly(new Leak("System.out", "raw"));
  }

  @Test
  void capture_seesDebugOfKeyturnAndInfoOfOthers_whileTheConsoleShowsOnlyWarn() {
    ConsoleTee.install();
    long start = CapturedOutput.cursor();
    String marker = "kt-marker-" + UUID.randomUUID();

    LOG.debug(marker);
    LoggerFactory.getLogger("org.example.Library").info(marker);
    LoggerFactory.getLogger("org.example.Library").debug(marker);
    LoggerFactory.getLogger("org.example.Library")
        .warn("{} (expected: WARN reaches the console)", marker);

    List<CapturedOutput.Entry> entries = CapturedOutput.since(start);
    assertThat(entries)
        .filteredOn(e -> e.text().contains(marker))
        .extracting(CapturedOutput.Entry::source)
        .containsExactlyInAnyOrder(
            "dev.keyturn.leakprobe.Sync",
            "org.example.Library",
            "org.example.Library",
            "System.out");
  }

  @Test
  void assertNoLeaks_namesEveryLocationButNeverTheValue() {
    List<Leak> leaks =
        List.of(
            new Leak("logger dev.keyturn.sync.HerokuSink", "raw"),
            new Leak("System.err", "base64"));

    assertThatThrownBy(() -> LeakGuard.assertNoLeaks("SomeTest", leaks))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("leaked (2 place(s)) by the end of SomeTest")
        .hasMessageContaining("logger dev.keyturn.sync.HerokuSink [raw]")
        .hasMessageContaining("System.err [base64]");
  }

  @Test
  void assertNoLeaks_passesWhenNothingLeaked() {
    LeakGuard.assertNoLeaks("SomeTest", List.of());
  }
}

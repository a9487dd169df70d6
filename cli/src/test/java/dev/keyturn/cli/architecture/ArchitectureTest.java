package dev.keyturn.cli.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.keyturn.cli.architecture.Modules.Pom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module and package structure keyturn promises (issue 15): production modules use
 * keyturn-testing and keyturn-testing-fakes in tests only, the CLI's runtime class path carries no
 * test library, and no two packages of production code depend on each other in a circle.
 */
class ArchitectureTest {

  static final Modules MODULES = Modules.ofRepository();

  // "   group:artifact:type[:classifier]:version:scope -- module ..." (dependency:list)
  static final Pattern LISTED = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):\\S+$");

  @Test
  void productionModules_dependOnKeyturnTestingOnlyInTestScope() {
    List<String> offending =
        MODULES.all().stream()
            .filter(pom -> !Modules.TEST_SUPPORT.contains(pom.artifactId()))
            .flatMap(pom ->
                pom.dependencies().stream()
                    .filter(d -> Modules.TEST_SUPPORT.contains(d.artifactId()))
                    .filter(d -> !d.scope().equals("test"))
                    .map(d -> pom.artifactId() + " -> " + d.artifactId() + " (" + d.scope() + ")"))
            .toList();

    assertThat(MODULES.production())
        .extracting(Pom::artifactId)
        .contains("keyturn-core", "keyturn-local", "keyturn-rotate", "keyturn-cli")
        .doesNotContainAnyElementsOf(Modules.TEST_SUPPORT);
    assertThat(MODULES.all())
        .extracting(Pom::artifactId)
        .as("the test-support modules exist")
        .containsAll(Modules.TEST_SUPPORT);
    assertThat(offending)
        .as("modules with keyturn-testing or keyturn-testing-fakes outside test scope")
        .isEmpty();
  }

  @Test
  void cliRuntimeClassPath_hasNoTestLibrary() throws Exception {
    Path listed = MODULES.root().resolve("cli/target/runtime-dependencies.txt");
    Set<String> coordinates =
        Files.readAllLines(listed).stream()
            .map(line -> LISTED.matcher(line.replaceFirst(" -- module .*$", "")))
            .filter(Matcher::matches)
            .map(m -> m.group(1) + ":" + m.group(2))
            .collect(Collectors.toSet());

    assertThat(coordinates)
        .as("the list %s is Maven's runtime class path of the CLI", listed)
        .contains("dev.keyturn:keyturn-core", "dev.keyturn:keyturn-local", "info.picocli:picocli");
    assertThat(coordinates)
        .filteredOn(c -> TestLibraries.COORDINATES.stream().anyMatch(c::startsWith))
        .as("test libraries on the CLI's runtime class path")
        .isEmpty();
  }

  @Test
  void productionPackages_formNoCycle() {
    JavaClasses classes = productionClasses();
    Set<String> packages =
        classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());

    assertThat(packages)
        .as("every production module's classes were imported")
        .contains(
            "dev.keyturn.cli",
            "dev.keyturn.cli.common",
            "dev.keyturn.local",
            "dev.keyturn.local.moto",
            "dev.keyturn.rotate.generator",
            "dev.keyturn.sync",
            "dev.keyturn.webhook",
            "dev.keyturn.state.dynamodb")
        .noneMatch(p -> p.startsWith("dev.keyturn.testing"));
    slices().matching("dev.keyturn.(**)").should().beFreeOfCycles().check(classes);
  }

  /**
   * The compiled sources of every production module (target/classes), without what annotation
   * processors generate (Micronaut's {@code $...Definition} classes), so the graph is the one the
   * sources draw.
   */
  private static JavaClasses productionClasses() {
    List<Path> outputs =
        MODULES.production().stream().map(pom -> pom.dir().resolve("target/classes")).toList();
    outputs.forEach(dir -> assertThat(dir).as("compiled module").isDirectory());
    return new ClassFileImporter()
        .withImportOption(location -> !location.contains("/$"))
        .importPaths(outputs);
  }
}

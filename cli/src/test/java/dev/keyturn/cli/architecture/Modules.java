package dev.keyturn.cli.architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Maven modules of the default build, read from the poms (profiles, such as benchmarks, left
 * out): the root, aggregators and every module they list.
 */
record Modules(Path root, List<Pom> all) {

  static final String TESTING = "keyturn-testing";

  /** The port fakes: test support like keyturn-testing, in a module of its own. */
  static final String TESTING_FAKES = "keyturn-testing-fakes";

  /** The modules that exist only for tests. */
  static final List<String> TEST_SUPPORT = List.of(TESTING, TESTING_FAKES);

  /** One pom: its module directory, artifactId, packaging and declared dependencies. */
  record Pom(Path dir, String artifactId, String packaging, List<Dependency> dependencies) {

    /** A jar module other than test support: something keyturn ships or runs. */
    boolean isProduction() {
      return packaging.equals("jar") && !TEST_SUPPORT.contains(artifactId);
    }
  }

  /** A {@code <dependency>} of the pom's own {@code <dependencies>} (not dependencyManagement). */
  record Dependency(String groupId, String artifactId, String scope) {}

  static Modules ofRepository() {
    Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the keyturn repository");
    }
    List<Pom> poms = new ArrayList<>();
    collect(dir, poms);
    return new Modules(dir, List.copyOf(poms));
  }

  List<Pom> production() {
    return all.stream().filter(Pom::isProduction).toList();
  }

  private static void collect(Path dir, List<Pom> poms) {
    Element project = parse(dir.resolve("pom.xml"));
    List<Dependency> dependencies = new ArrayList<>();
    Element declared = child(project, "dependencies");
    if (declared != null) {
      for (Element dependency : children(declared, "dependency")) {
        dependencies.add(
            new Dependency(
                text(dependency, "groupId", ""),
                text(dependency, "artifactId", ""),
                text(dependency, "scope", "compile")));
      }
    }
    poms.add(
        new Pom(
            dir,
            text(project, "artifactId", ""),
            text(project, "packaging", "jar"),
            List.copyOf(dependencies)));
    Element modules = child(project, "modules");
    if (modules != null) {
      for (Element module : children(modules, "module")) {
        collect(dir.resolve(module.getTextContent().strip()), poms);
      }
    }
  }

  private static Element parse(Path pom) {
    try {
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(pom.toFile())
          .getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.getFirst();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name, String fallback) {
    Element element = child(parent, name);
    return element == null ? fallback : element.getTextContent().strip();
  }
}

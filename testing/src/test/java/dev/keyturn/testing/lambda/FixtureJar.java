package dev.keyturn.testing.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Builds a function jar the way maven-shade does, small enough to make inside a test: handler
 * sources compiled with the JDK compiler, plus the unpacked contents of the library jars chosen to
 * be "shaded in". Leaving a library out reproduces a jar that compiles but lacks it at run time.
 */
final class FixtureJar {

  private FixtureJar() {}

  /** The jar holding a class on the test class path, e.g. aws-lambda-java-events'. */
  static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compiles {@code sources} (class name to source) against {@code compileClasspath} and writes
   * {@code target}: the compiled classes followed by the entries of {@code shadedJars}.
   */
  static Path build(
      Path target, Map<String, String> sources, List<Path> compileClasspath, List<Path> shadedJars)
      throws IOException {
    Path classes = Files.createTempDirectory(target.getParent(), "classes-");
    compile(sources, compileClasspath, classes);
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target))) {
      Set<String> written = new HashSet<>();
      addDirectory(jar, classes, written);
      for (Path library : shadedJars) {
        addJarContents(jar, library, written);
      }
    }
    return target;
  }

  private static void compile(Map<String, String> sources, List<Path> classpath, Path output)
      throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
      List<JavaFileObject> units = new ArrayList<>();
      sources.forEach((name, code) -> units.add(new Source(name, code)));
      StringWriter diagnostics = new StringWriter();
      boolean compiled =
          compiler
              .getTask(diagnostics, files, null, List.of("--release", "25"), null, units)
              .call();
      if (!compiled) {
        throw new IllegalStateException("fixture did not compile:\n" + diagnostics);
      }
    }
  }

  private static void addDirectory(JarOutputStream jar, Path root, Set<String> written)
      throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(path).toString().replace('\\', '/');
        try (InputStream in = Files.newInputStream(path)) {
          write(jar, name, in, written);
        }
      }
    }
  }

  private static void addJarContents(JarOutputStream jar, Path library, Set<String> written)
      throws IOException {
    try (JarFile source = new JarFile(library.toFile())) {
      for (JarEntry entry : source.stream().toList()) {
        String name = entry.getName();
        if (entry.isDirectory() || name.equals("META-INF/MANIFEST.MF") || isSignature(name)) {
          continue;
        }
        try (InputStream in = source.getInputStream(entry)) {
          write(jar, name, in, written);
        }
      }
    }
  }

  private static boolean isSignature(String name) {
    return name.startsWith("META-INF/")
        && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA"));
  }

  /** First writer wins, as with maven-shade's default for duplicate resources. */
  private static void write(JarOutputStream jar, String name, InputStream in, Set<String> written)
      throws IOException {
    if (!written.add(name)) {
      return;
    }
    jar.putNextEntry(new JarEntry(name));
    in.transferTo(jar);
    jar.closeEntry();
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(
          java.net.URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}

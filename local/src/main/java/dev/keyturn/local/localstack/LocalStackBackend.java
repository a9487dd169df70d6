package dev.keyturn.local.localstack;

import dev.keyturn.local.LocalAws;
import dev.keyturn.local.LocalAwsBackend;
import dev.keyturn.local.LocalAwsUnavailableException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * {@code KEYTURN_LOCAL_AWS=localstack}: {@link LocalStackLocalAws}, one LocalStack container
 * through Testcontainers. This class touches no Testcontainers type, so it loads where that library
 * is absent (the CLI jar leaves it out: Testcontainers 1.x needs JUnit 4) and says so in one line;
 * without a Docker engine it says that in one line.
 */
public final class LocalStackBackend implements LocalAwsBackend {

  public static final String NAME = "localstack";

  static final String TESTCONTAINERS_CLASS = "org.testcontainers.DockerClientFactory";

  static final String NO_TESTCONTAINERS =
      "KEYTURN_LOCAL_AWS=localstack needs Testcontainers (org.testcontainers:localstack) on the"
          + " class path, and the keyturn jar leaves it out: run bin/keyturn with"
          + " KEYTURN_LOCAL_AWS=localstack (it adds it), or unset KEYTURN_LOCAL_AWS to use"
          + " moto_server and DynamoDB Local";

  static final String NO_DOCKER =
      "KEYTURN_LOCAL_AWS=localstack needs a Docker engine and none answers: start Docker (or"
          + " set DOCKER_HOST), or unset KEYTURN_LOCAL_AWS to use moto_server and DynamoDB Local";

  private final ClassLoader loader;
  private final BooleanSupplier dockerAnswers;

  /** The backend as {@link java.util.ServiceLoader} makes it: the real class path and Docker. */
  public LocalStackBackend() {
    this(LocalStackBackend.class.getClassLoader(), null);
  }

  /**
   * @param loader where to look for Testcontainers
   * @param dockerAnswers whether a Docker engine answers; null asks Testcontainers
   */
  LocalStackBackend(ClassLoader loader, BooleanSupplier dockerAnswers) {
    this.loader = loader;
    this.dockerAnswers = dockerAnswers;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LocalAws start(Path logDirectory) {
    if (!testcontainersPresent()) {
      throw new LocalAwsUnavailableException(NO_TESTCONTAINERS);
    }
    boolean docker =
        dockerAnswers != null ? dockerAnswers.getAsBoolean() : DockerProbe.dockerAnswers();
    if (!docker) {
      throw new LocalAwsUnavailableException(NO_DOCKER);
    }
    return LocalStackLocalAws.start(logDirectory);
  }

  private boolean testcontainersPresent() {
    try {
      Class.forName(TESTCONTAINERS_CLASS, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}

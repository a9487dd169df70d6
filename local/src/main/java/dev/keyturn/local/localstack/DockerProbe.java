package dev.keyturn.local.localstack;

import org.testcontainers.DockerClientFactory;

/**
 * Asks Testcontainers whether a Docker engine answers (DOCKER_HOST, the usual sockets, Docker
 * Desktop, ~/.testcontainers.properties). Kept apart from {@link LocalStackBackend} so that class
 * loads without Testcontainers.
 */
final class DockerProbe {

  private DockerProbe() {}

  static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError notUsable) {
      return false;
    }
  }
}

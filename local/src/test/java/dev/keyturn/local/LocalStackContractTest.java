package dev.keyturn.local;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.keyturn.local.localstack.LocalStackBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract against LocalStack whatever KEYTURN_LOCAL_AWS says, where a Docker engine answers;
 * skipped with the backend's one-line reason elsewhere (nothing in the build needs Docker).
 */
class LocalStackContractTest extends LocalAwsContract {

  @TempDir static Path logs;
  static LocalAws aws;

  @BeforeAll
  static void start() {
    try {
      aws = new LocalStackBackend().start(logs);
    } catch (LocalAwsUnavailableException cannotRunHere) {
      abort(cannotRunHere.getMessage());
    }
  }

  @AfterAll
  static void stop() {
    if (aws != null) {
      aws.close();
    }
  }

  @Override
  LocalAws aws() {
    return aws;
  }
}

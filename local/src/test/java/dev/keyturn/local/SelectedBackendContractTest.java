package dev.keyturn.local;

/**
 * The contract against the backend {@value LocalAwsBackends#VARIABLE} selects (moto unless set),
 * the one this test JVM shares. {@code KEYTURN_LOCAL_AWS=localstack ./mvnw verify -pl local} runs
 * it against LocalStack, where a Docker engine answers.
 */
class SelectedBackendContractTest extends LocalAwsContract {

  @Override
  LocalAws aws() {
    return OneLocalAws.get();
  }
}

package dev.keyturn.benchmarks.coldstart.launch;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** What the runtime passes with an invocation; names come from the environment Lambda sets. */
record LaunchContext(UUID requestId) implements Context {

  private static String functionName() {
    String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    return name == null ? "keyturn-coldstart" : name;
  }

  @Override
  public String getAwsRequestId() {
    return requestId.toString();
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName();
  }

  @Override
  public String getLogStreamName() {
    return "coldstart";
  }

  @Override
  public String getFunctionName() {
    return functionName();
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 60_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.out.println(message);
      }

      @Override
      public void log(byte[] message) {
        System.out.println(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}

package dev.keyturn.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The context Lambda passes a handler with each invocation, for calling a handler in-process
 * (tests, the demo): a request id, the function's name and version. The function name or version
 * may be null, as some runtimes leave them. The logger writes to standard output, as Lambda's does.
 */
public record LocalLambdaContext(String awsRequestId, String functionName, String functionVersion)
    implements Context {

  /** An invocation of {@code functionName}'s {@code $LATEST} with a fresh request id. */
  public static LocalLambdaContext of(String functionName) {
    return new LocalLambdaContext(UUID.randomUUID().toString(), functionName, "$LATEST");
  }

  /** An invocation of {@code functionName}'s {@code $LATEST} with the request id a test chooses. */
  public static LocalLambdaContext of(String functionName, String awsRequestId) {
    return new LocalLambdaContext(awsRequestId, functionName, "$LATEST");
  }

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return functionVersion;
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
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
        System.out.print(message);
      }

      @Override
      public void log(byte[] message) {
        System.out.print(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}

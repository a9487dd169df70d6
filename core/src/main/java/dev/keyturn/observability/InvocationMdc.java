package dev.keyturn.observability;

import java.util.List;
import org.slf4j.MDC;

/**
 * The invocation's identity in the logging MDC, so every JSON log line (logstash encoder: MDC keys
 * become fields) and every EMF line names the request and the function. Ids and names only. Keys
 * are micronaut-function-aws's, so its documentation and ours agree.
 */
public final class InvocationMdc {

  public static final String REQUEST_ID = "AWSRequestId";
  public static final String FUNCTION_NAME = "AWSFunctionName";
  public static final String FUNCTION_VERSION = "AWSFunctionVersion";
  public static final String TRACE_ID = "AWS-XRAY-TRACE-ID";

  static final List<String> KEYS = List.of(REQUEST_ID, FUNCTION_NAME, FUNCTION_VERSION, TRACE_ID);

  private InvocationMdc() {}

  /**
   * Starts an invocation: forgets the previous one's keys (the runtime reuses its thread), then
   * sets those given (null or blank ones are left out).
   */
  public static void begin(String requestId, String functionName, String functionVersion) {
    end();
    put(REQUEST_ID, requestId);
    put(FUNCTION_NAME, functionName);
    put(FUNCTION_VERSION, functionVersion);
  }

  /** The X-Ray trace header of this invocation (Lambda passes one when tracing is active). */
  public static void traceId(String traceId) {
    put(TRACE_ID, traceId);
  }

  /** Ends the invocation: lines logged between invocations carry no stale request id. */
  public static void end() {
    KEYS.forEach(MDC::remove);
  }

  private static void put(String key, String value) {
    if (value != null && !value.isBlank()) {
      MDC.put(key, value);
    }
  }
}

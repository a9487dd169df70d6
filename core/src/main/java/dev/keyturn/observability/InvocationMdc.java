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

  /** keyturn's own key: the id of the event that triggered the invocation. */
  public static final String EVENT_ID = "keyturnEventId";

  static final List<String> KEYS =
      List.of(REQUEST_ID, FUNCTION_NAME, FUNCTION_VERSION, TRACE_ID, EVENT_ID);

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

  /**
   * The id of the event that triggered this invocation (an EventBridge event's {@code id}, a
   * rotation's ClientRequestToken, a Function URL request's id), for logs and audit events.
   */
  public static void triggeredBy(String eventId) {
    put(EVENT_ID, eventId);
  }

  /**
   * The triggering event's id, else the invocation's request id; null outside an invocation (the
   * CLI).
   */
  public static String triggeringEventId() {
    String id = MDC.get(EVENT_ID);
    return id != null ? id : MDC.get(REQUEST_ID);
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

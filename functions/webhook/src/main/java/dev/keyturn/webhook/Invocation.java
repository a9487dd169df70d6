package dev.keyturn.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The Lambda invocation a delivery arrived in: its request id (the claimant of the delivery's
 * replay claim) and the instant by which the answer must be ready.
 *
 * @param requestId the Lambda request id
 * @param deadline when the function must have answered: its remaining time at the start, less a
 *     reserve for writing the response
 */
public record Invocation(String requestId, Instant deadline) {

  /** Kept back from the remaining time for mapping and writing the response. */
  static final Duration RESPONSE_RESERVE = Duration.ofMillis(250);

  /** The budget when no Lambda context says otherwise: the template's webhook timeout. */
  static final Duration DEFAULT_BUDGET = Duration.ofSeconds(15);

  /** The invocation Lambda's context describes, started at {@code now}; null for none. */
  public static Invocation of(Context context, Instant now) {
    if (context == null) {
      return new Invocation(UUID.randomUUID().toString(), now.plus(DEFAULT_BUDGET));
    }
    String requestId = context.getAwsRequestId();
    Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis());
    return new Invocation(
        requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId,
        now.plus(remaining).minus(RESPONSE_RESERVE));
  }

  /** An invocation with the default budget and a fresh request id (tools, tests). */
  public static Invocation standalone(Instant now) {
    return of(null, now);
  }
}

package dev.keyturn.testing.heroku;

/** Whether a request delayed with {@link HerokuStandIn#delayNext} changes anything. */
public enum DelayedEffect {
  /**
   * Heroku commits the change, then the answer is held back for the delay. This is what makes
   * client timeouts dangerous: the client sees a timeout although its PATCH took effect (and made a
   * release). The default.
   */
  APPLIED,
  /**
   * The request is held for the delay and then answered {@code 503 service_unavailable} without
   * having changed anything, as when Heroku's router gives up before the API handled the request.
   */
  NOT_APPLIED
}

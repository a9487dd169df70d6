package dev.keyturn.webhook.source;

/** What the inventory says about a source name. */
public sealed interface SourceLookup {

  /** A source ready to use. */
  record Found(WebhookSource source) implements SourceLookup {}

  /** No source of this name. */
  record Unknown() implements SourceLookup {}

  /**
   * A source the inventory lists but that cannot work (unknown scheme, bad options, missing secret
   * entry): an operator's problem, never the caller's.
   *
   * @param problem names the scheme, option or secret entry; never a value
   */
  record Misconfigured(String source, String problem) implements SourceLookup {}
}

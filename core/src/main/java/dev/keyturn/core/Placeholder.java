package dev.keyturn.core;

/** Temporary. */
public final class Placeholder {
  private Placeholder() {}
}

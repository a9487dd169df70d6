package dev.keyturn.cli;

/** Temporary entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {}
}

package dev.keyturn.inventory.lint;

/** How bad a finding is: errors make {@code keyturn lint} exit non-zero. */
public enum Severity {
  ERROR,
  WARNING
}

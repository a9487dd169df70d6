package dev.keyturn.sync.plan;

/**
 * The keyed digest of a value published as a variable of the target being planned (see {@code
 * dev.keyturn.sync.digest.PublishedDigests}); used for targets that never return values.
 */
@FunctionalInterface
public interface Digester {
  String digest(String var, String value);
}

package dev.keyturn.testing.cloudflare;

import java.util.Map;
import java.util.TreeMap;

/**
 * A Worker script: its secret bindings (values held as sent; Cloudflare receives them in the clear
 * over TLS) and how many versions setting them has deployed.
 */
final class Worker {

  private final Map<String, String> secrets = new TreeMap<>();
  private int versions = 1;

  synchronized void put(String name, String value) {
    secrets.put(name, value);
    versions++;
  }

  synchronized boolean delete(String name) {
    boolean existed = secrets.remove(name) != null;
    if (existed) {
      versions++;
    }
    return existed;
  }

  synchronized Map<String, String> secrets() {
    return Map.copyOf(secrets);
  }

  synchronized int versions() {
    return versions;
  }
}

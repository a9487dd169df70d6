package dev.keyturn.testing.fakes;

import dev.keyturn.state.Revocation;
import dev.keyturn.state.RevocationStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Revocations in a map, kept like {@code DynamoRevocationStore}: one record per secret and version,
 * the first one kept when the same version is revoked again.
 */
public final class FakeRevocationStore extends FakePort implements RevocationStore {

  private final Map<String, Revocation> revocations = new LinkedHashMap<>();

  @Override
  public synchronized void recordRevocation(Revocation revocation) {
    enter("recordRevocation");
    revocations.putIfAbsent(revocation.secretName() + "#" + revocation.versionId(), revocation);
  }

  @Override
  public synchronized List<Revocation> revocations(String secretName) {
    enter("revocations");
    List<Revocation> out = new ArrayList<>();
    revocations.values().stream().filter(r -> r.secretName().equals(secretName)).forEach(out::add);
    out.sort(Comparator.comparing(Revocation::revokedAt).reversed());
    return List.copyOf(out);
  }
}

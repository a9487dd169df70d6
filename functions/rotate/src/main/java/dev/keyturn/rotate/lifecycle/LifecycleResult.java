package dev.keyturn.rotate.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one pass of the life cycle did.
 *
 * @param driven rotations looked at (the last completed rotation of each entry, not yet retired)
 * @param advanced rotations that moved at least one stage
 * @param retired rotations that reached {@code retired} in this pass
 * @param stuck rotations past the confirmation deadline and not {@code confirmed}, by entry name
 * @param failed entries whose pass failed (audited and logged; retried by the next pass)
 */
public record LifecycleResult(
    int driven, int advanced, int retired, List<String> stuck, List<String> failed) {

  public LifecycleResult {
    stuck = List.copyOf(stuck);
    failed = List.copyOf(failed);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("driven", driven);
    m.put("advanced", advanced);
    m.put("retired", retired);
    m.put("stuck", stuck);
    m.put("failed", failed);
    return m;
  }
}

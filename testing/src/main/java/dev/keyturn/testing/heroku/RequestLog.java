package dev.keyturn.testing.heroku;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the stand-in answered, in arrival order; safe to read while requests arrive. */
final class RequestLog {

  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  void record(RecordedRequest request) {
    requests.add(request);
  }

  List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  long count(String method, String path) {
    return requests.stream()
        .filter(request -> request.method().equalsIgnoreCase(method))
        .filter(request -> request.path().equals(path))
        .count();
  }

  void clear() {
    requests.clear();
  }
}

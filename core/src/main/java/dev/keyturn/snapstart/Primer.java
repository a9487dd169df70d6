package dev.keyturn.snapstart;

/**
 * A cheap call without side effects that walks one request path (class loading, SDK marshalling,
 * signing, the HTTP client, our adapter) before the SnapStart snapshot, so the first invocation
 * after a restore does not pay for it. It may fail (no permission, resource missing): the path is
 * loaded either way, and {@link SnapStartHooks} only logs the failure's type.
 */
public interface Primer {

  /** What it calls, e.g. {@code dynamodb:GetItem}. */
  String name();

  void prime();

  static Primer of(String name, Runnable call) {
    return new Primer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void prime() {
        call.run();
      }

      @Override
      public String toString() {
        return "Primer[" + name + "]";
      }
    };
  }
}

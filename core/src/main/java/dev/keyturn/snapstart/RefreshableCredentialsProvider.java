package dev.keyturn.snapstart;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK's default credentials chain, replaceable at run time. Every client shares it, and {@link
 * #refresh()} swaps in a new, empty chain: after a SnapStart restore no client signs with
 * credentials cached in the snapshot (the chain remembers which provider answered and what it
 * answered; a new one resolves afresh on the next call, from the restored environment's variables
 * or its container credentials endpoint).
 */
public final class RefreshableCredentialsProvider
    implements AwsCredentialsProvider, SdkAutoCloseable {

  private final Supplier<? extends AwsCredentialsProvider> factory;
  private volatile AwsCredentialsProvider current;

  /**
   * {@code DefaultCredentialsProvider.builder().build()}: a chain of its own, not the shared one.
   */
  public static RefreshableCredentialsProvider defaultChain() {
    return new RefreshableCredentialsProvider(() -> DefaultCredentialsProvider.builder().build());
  }

  public RefreshableCredentialsProvider(Supplier<? extends AwsCredentialsProvider> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.current = Objects.requireNonNull(factory.get(), "factory returned no provider");
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return current.resolveCredentials();
  }

  /**
   * Replaces the chain with a fresh one and closes the old (its cache goes with it). Called around
   * a snapshot, when no invocation is running.
   */
  public synchronized void refresh() {
    AwsCredentialsProvider old = current;
    current = Objects.requireNonNull(factory.get(), "factory returned no provider");
    closeQuietly(old);
  }

  /** The provider in use now. */
  AwsCredentialsProvider delegate() {
    return current;
  }

  @Override
  public synchronized void close() {
    closeQuietly(current);
  }

  private static void closeQuietly(AwsCredentialsProvider provider) {
    if (provider instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // a provider that cannot close holds nothing we still use
      }
    }
  }

  @Override
  public String toString() {
    return "RefreshableCredentialsProvider[" + current.getClass().getSimpleName() + "]";
  }
}

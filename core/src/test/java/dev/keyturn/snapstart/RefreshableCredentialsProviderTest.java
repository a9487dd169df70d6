package dev.keyturn.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

class RefreshableCredentialsProviderTest {

  /** A provider that answers with its own generation number, so a swap is visible. */
  private static final class Generation implements AwsCredentialsProvider, AutoCloseable {
    final int number;
    boolean closed;

    Generation(int number) {
      this.number = number;
    }

    @Override
    public AwsCredentials resolveCredentials() {
      return AwsBasicCredentials.create("gen" + number, "secretgen" + number);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private final List<Generation> made = new ArrayList<>();
  private final RefreshableCredentialsProvider provider =
      new RefreshableCredentialsProvider(() -> {
        Generation g = new Generation(made.size() + 1);
        made.add(g);
        return g;
      });

  @Test
  void resolve_asksTheCurrentChain() {
    assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("gen1");
  }

  @Test
  void refresh_swapsInAFreshChain_andClosesTheOldOne() {
    provider.refresh();

    assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("gen2");
    assertThat(made.get(0).closed).isTrue();
    assertThat(made.get(1).closed).isFalse();
  }

  @Test
  void defaultChain_isANewDefaultProvider_notTheSdksSharedOne() {
    try (RefreshableCredentialsProvider chain = RefreshableCredentialsProvider.defaultChain()) {
      AwsCredentialsProvider first = chain.delegate();
      chain.refresh();

      assertThat(first).isInstanceOf(DefaultCredentialsProvider.class);
      assertThat(chain.delegate())
          .isInstanceOf(DefaultCredentialsProvider.class)
          .isNotSameAs(first);
    }
  }
}

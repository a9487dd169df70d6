package dev.keyturn.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class LazyHttpClientTest {

  @Test
  void theClient_isBuiltOnItsFirstUse_once_withTheBuildersSettings() {
    CountingBuilder builder = new CountingBuilder(HttpClient.newBuilder());
    HttpClient client =
        LazyHttpClient.of(
            builder.connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1));
    assertThat(builder.builds).hasValue(0);

    assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));

    assertThat(builder.builds).hasValue(1);
  }

  @Test
  void buildAll_buildsEveryClientNotBuiltYet_beforeASnapshot() {
    CountingBuilder first = new CountingBuilder(HttpClient.newBuilder());
    CountingBuilder second = new CountingBuilder(HttpClient.newBuilder());
    HttpClient used = LazyHttpClient.of(first);
    HttpClient unused = LazyHttpClient.of(second);
    used.version();

    LazyHttpClient.buildAll();

    assertThat(first.builds).hasValue(1);
    assertThat(second.builds).hasValue(1);
    assertThat(unused.version()).isEqualTo(HttpClient.Version.HTTP_2);
  }

  /** A JDK builder that counts its builds. */
  private static final class CountingBuilder implements HttpClient.Builder {
    private final HttpClient.Builder delegate;
    final AtomicInteger builds = new AtomicInteger();

    CountingBuilder(HttpClient.Builder delegate) {
      this.delegate = delegate;
    }

    @Override
    public HttpClient build() {
      builds.incrementAndGet();
      return delegate.build();
    }

    @Override
    public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
      delegate.cookieHandler(cookieHandler);
      return this;
    }

    @Override
    public HttpClient.Builder connectTimeout(Duration duration) {
      delegate.connectTimeout(duration);
      return this;
    }

    @Override
    public HttpClient.Builder sslContext(SSLContext sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    @Override
    public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
      delegate.sslParameters(sslParameters);
      return this;
    }

    @Override
    public HttpClient.Builder executor(Executor executor) {
      delegate.executor(executor);
      return this;
    }

    @Override
    public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
      delegate.followRedirects(policy);
      return this;
    }

    @Override
    public HttpClient.Builder version(HttpClient.Version version) {
      delegate.version(version);
      return this;
    }

    @Override
    public HttpClient.Builder priority(int priority) {
      delegate.priority(priority);
      return this;
    }

    @Override
    public HttpClient.Builder proxy(ProxySelector proxySelector) {
      delegate.proxy(proxySelector);
      return this;
    }

    @Override
    public HttpClient.Builder authenticator(Authenticator authenticator) {
      delegate.authenticator(authenticator);
      return this;
    }

    @Override
    public HttpClient.Builder localAddress(InetAddress localAddr) {
      delegate.localAddress(localAddr);
      return this;
    }
  }
}

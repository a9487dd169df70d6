package dev.keyturn.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK {@link HttpClient} built on its first use. Building one initialises TLS (the default {@code
 * SSLContext}, the trust store) and starts its selector thread: a function whose request never
 * calls that vendor (rotate's createSecret of a generated value; sync's GitHub and Cloudflare
 * clients when it publishes to Heroku) no longer pays that at init. The vendor adapters hold one
 * from construction as before. Before a SnapStart snapshot every one not built yet is built ({@link
 * #buildAll}), so a restored function has them as an eagerly built one did.
 */
public final class LazyHttpClient extends HttpClient {

  private final HttpClient.Builder builder;
  private volatile HttpClient client;

  /** Every one made in this process and not collected, for {@link #buildAll}. */
  private static final Set<LazyHttpClient> MADE = Collections.newSetFromMap(new WeakHashMap<>());

  private LazyHttpClient(HttpClient.Builder builder) {
    this.builder = builder;
  }

  /** A client that {@code builder} builds when it is first used. */
  public static HttpClient of(HttpClient.Builder builder) {
    LazyHttpClient client = new LazyHttpClient(builder);
    synchronized (MADE) {
      MADE.add(client);
    }
    return client;
  }

  /** Builds every client made so far that is not built yet (before a SnapStart snapshot). */
  public static void buildAll() {
    List<LazyHttpClient> made;
    synchronized (MADE) {
      made = List.copyOf(MADE);
    }
    made.forEach(LazyHttpClient::client);
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = builder.build();
          client = c;
        }
      }
    }
    return c;
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return client().cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return client().connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return client().followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return client().proxy();
  }

  @Override
  public SSLContext sslContext() {
    return client().sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return client().sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return client().authenticator();
  }

  @Override
  public Version version() {
    return client().version();
  }

  @Override
  public Optional<Executor> executor() {
    return client().executor();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return client().send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return client().sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return client().sendAsync(request, handler, pushPromiseHandler);
  }

  @Override
  public void close() {
    HttpClient c = client;
    if (c != null) {
      c.close();
    }
  }
}

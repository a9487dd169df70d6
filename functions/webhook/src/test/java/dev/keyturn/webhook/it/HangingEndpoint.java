package dev.keyturn.webhook.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP endpoint on loopback that reads requests and never answers: an AWS service hanging. The
 * client's own timeouts are all that end a call to it.
 */
final class HangingEndpoint implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstRequest = new CountDownLatch(1);
  private final Thread acceptor;

  HangingEndpoint() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().start(this::accept);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Waits until a request has started arriving. */
  boolean awaitRequest(long seconds) throws InterruptedException {
    return firstRequest.await(seconds, TimeUnit.SECONDS);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        held.add(socket);
        Thread.ofVirtual().start(() -> drain(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void drain(Socket socket) {
    byte[] buffer = new byte[8192];
    try (InputStream in = socket.getInputStream()) {
      while (in.read(buffer) >= 0) {
        firstRequest.countDown();
      }
    } catch (IOException closed) {
      // the client gave up
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : held) {
      socket.close();
    }
    acceptor.interrupt();
  }
}

package dev.keyturn.local.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free TCP ports on 127.0.0.1, and whether something listens on one. */
final class LoopbackPorts {

  /** The only address the servers bind to (a literal: no IPv6 or hosts-file surprises). */
  static final String HOST = "127.0.0.1";

  private LoopbackPorts() {}

  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }
}

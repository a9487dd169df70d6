package dev.keyturn.local.moto;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;

/** Connects to ports to tell which interfaces a server listens on. */
final class NetworkProbe {

  private NetworkProbe() {}

  /** An IPv4 address of this machine that is not loopback, if it has one. */
  static Optional<String> nonLoopbackAddress() {
    try {
      return NetworkInterface.networkInterfaces()
          .filter(NetworkProbe::isUp)
          .flatMap(NetworkInterface::inetAddresses)
          .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
          .map(InetAddress::getHostAddress)
          .findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  static boolean accepts(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static boolean isUp(NetworkInterface networkInterface) {
    try {
      return networkInterface.isUp();
    } catch (SocketException e) {
      return false;
    }
  }
}

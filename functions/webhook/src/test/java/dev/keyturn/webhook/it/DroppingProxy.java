package dev.keyturn.webhook.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy on loopback in front of a real server (DynamoDB Local) that forwards every
 * request, and for the first request whose body matches a predicate forwards it, lets the server
 * answer, and then drops the answer (closes the client's connection): the write happened, the
 * client never heard, and the SDK retries it.
 */
final class DroppingProxy implements AutoCloseable {

  private final URI upstream;
  private final Predicate<String> dropAnswerTo;
  private final ServerSocket server;
  private final AtomicBoolean dropped = new AtomicBoolean();
  private final AtomicInteger matching = new AtomicInteger();

  DroppingProxy(URI upstream, Predicate<String> dropAnswerTo) throws IOException {
    this.upstream = upstream;
    this.dropAnswerTo = dropAnswerTo;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** How many requests matched the predicate (the dropped one and its retries). */
  int matchingRequests() {
    return matching.get();
  }

  boolean dropped() {
    return dropped.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        Socket target = new Socket(upstream.getHost(), upstream.getPort())) {
      InputStream fromClient = client.getInputStream();
      OutputStream toClient = client.getOutputStream();
      InputStream fromTarget = target.getInputStream();
      OutputStream toTarget = target.getOutputStream();
      while (true) {
        Message request = Message.read(fromClient);
        if (request == null) {
          return;
        }
        toTarget.write(request.bytes());
        toTarget.flush();
        Message response = Message.read(fromTarget);
        if (response == null) {
          return;
        }
        boolean matches = dropAnswerTo.test(request.body());
        if (matches) {
          matching.incrementAndGet();
          if (dropped.compareAndSet(false, true)) {
            return; // the server did it; the client hears nothing
          }
        }
        toClient.write(response.bytes());
        toClient.flush();
      }
    } catch (IOException e) {
      // either side went away
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** One HTTP message: its head and a Content-Length or chunked body, as raw bytes. */
  private record Message(byte[] bytes, String body) {

    static Message read(InputStream in) throws IOException {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      String head = readHead(in, raw);
      if (head == null) {
        return null;
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      String lower = head.toLowerCase(Locale.ROOT);
      int length = contentLength(lower);
      if (length > 0) {
        body.write(in.readNBytes(length));
        raw.write(body.toByteArray());
      } else if (lower.contains("transfer-encoding: chunked")) {
        readChunks(in, raw, body);
      }
      return new Message(raw.toByteArray(), body.toString(StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in, ByteArrayOutputStream raw) throws IOException {
      int matched = 0;
      int b;
      while ((b = in.read()) >= 0) {
        raw.write(b);
        matched =
            (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        if (matched == 4) {
          return raw.toString(StandardCharsets.ISO_8859_1);
        }
      }
      return null;
    }

    private static int contentLength(String head) {
      for (String line : head.split("\r\n")) {
        if (line.startsWith("content-length:")) {
          return Integer.parseInt(line.substring("content-length:".length()).strip());
        }
      }
      return 0;
    }

    private static void readChunks(
        InputStream in, ByteArrayOutputStream raw, ByteArrayOutputStream body) throws IOException {
      while (true) {
        String sizeLine = readLine(in, raw);
        int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
        if (size == 0) {
          readLine(in, raw); // the empty line after the last chunk (no trailers from these servers)
          return;
        }
        byte[] chunk = in.readNBytes(size);
        raw.write(chunk);
        body.write(chunk);
        readLine(in, raw);
      }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        raw.write(b);
        if (b == '\n') {
          break;
        }
        line.write(b);
      }
      return line.toString(StandardCharsets.ISO_8859_1).strip();
    }
  }
}

package dev.keyturn.testing.leak;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Copies every line written to System.out and System.err into {@link CapturedOutput}, while still
 * writing it to the original stream. Idempotent: installing twice does not tee twice, and a stream
 * that someone swapped in later (a test runner) gets wrapped again.
 */
public final class ConsoleTee {

  private static final List<LineRecorder> RECORDERS = new CopyOnWriteArrayList<>();

  private ConsoleTee() {}

  public static synchronized void install() {
    if (!(System.out instanceof TeePrintStream)) {
      System.setOut(tee(System.out, "System.out"));
    }
    if (!(System.err instanceof TeePrintStream)) {
      System.setErr(tee(System.err, "System.err"));
    }
  }

  /** Records lines written so far without a line break, so a check sees them too. */
  public static void recordPartialLines() {
    RECORDERS.forEach(LineRecorder::recordPending);
  }

  private static PrintStream tee(PrintStream original, String source) {
    LineRecorder recorder = new LineRecorder(original, source, original.charset());
    RECORDERS.add(recorder);
    return new TeePrintStream(recorder, original.charset());
  }

  private static final class TeePrintStream extends PrintStream {
    TeePrintStream(OutputStream out, Charset charset) {
      super(out, true, charset);
    }
  }

  private static final class LineRecorder extends OutputStream {
    private final PrintStream original;
    private final String source;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineRecorder(PrintStream original, String source, Charset charset) {
      this.original = original;
      this.source = source;
      this.charset = charset;
    }

    @Override
    public synchronized void write(int b) {
      original.write(b);
      keep(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      original.write(bytes, offset, length);
      for (int i = offset; i < offset + length; i++) {
        keep(bytes[i]);
      }
    }

    @Override
    public void flush() {
      original.flush();
    }

    synchronized void recordPending() {
      if (line.size() > 0) {
        CapturedOutput.record(source, line.toString(charset));
        line.reset();
      }
    }

    private void keep(int b) {
      if (b == '\n') {
        CapturedOutput.record(source, line.toString(charset));
        line.reset();
      } else {
        line.write(b);
      }
    }
  }
}

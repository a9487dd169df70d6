package dev.keyturn.rotate.generator;

/**
 * Base of the generator errors. Messages name a secret, a generator type or an option, never a
 * secret value; no subclass chains a parser's exception as its cause, because parser messages can
 * quote the text they failed on.
 */
public abstract class GenerationException extends RuntimeException {

  protected GenerationException(String message) {
    super(message);
  }
}

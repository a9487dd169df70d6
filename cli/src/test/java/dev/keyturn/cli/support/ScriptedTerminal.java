package dev.keyturn.cli.support;

import dev.keyturn.cli.common.Terminal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A person at a terminal, in a test: answers the CLI's questions from a script and remembers what
 * it was asked. (The real terminal is exercised through the shaded jar under {@code script}.)
 */
public final class ScriptedTerminal implements Terminal {

  private final Deque<String> answers;
  private final List<String> prompts = new ArrayList<>();
  private final boolean colour;

  private ScriptedTerminal(List<String> answers, boolean colour) {
    this.answers = new ArrayDeque<>(answers);
    this.colour = colour;
  }

  /** A terminal that answers each question with the next of {@code answers}, then end of input. */
  public static ScriptedTerminal answering(String... answers) {
    return new ScriptedTerminal(List.of(answers), false);
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public boolean colour() {
    return colour;
  }

  @Override
  public String readLine(String prompt) {
    prompts.add(prompt);
    return answers.poll();
  }

  public List<String> prompts() {
    return List.copyOf(prompts);
  }
}

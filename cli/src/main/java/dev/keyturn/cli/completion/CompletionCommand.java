package dev.keyturn.cli.completion;

import dev.keyturn.cli.common.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keyturn completion bash|zsh}: the shell completion script picocli generates from the
 * commands themselves, so it cannot fall behind them. One script serves both shells (zsh loads it
 * through {@code bashcompinit}, which the script enables itself).
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script for bash or zsh: commands, options and option values.",
      "Load it in the current shell with `source <(keyturn completion bash)`, or add that line"
          + " to ~/.bashrc (zsh: ~/.zshrc, with `zsh` instead of `bash`)."
    },
    footer = {
      "",
      "Examples:",
      "  source <(keyturn completion bash)",
      "  keyturn completion zsh > ~/.zfunc/keyturn-completion.zsh",
      "  echo 'source <(keyturn completion zsh)' >> ~/.zshrc"
    })
public final class CompletionCommand implements Callable<Integer> {

  /** The shells the generated script supports. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("keyturn", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}

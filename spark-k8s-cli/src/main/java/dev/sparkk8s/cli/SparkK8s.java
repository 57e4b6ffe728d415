package dev.sparkk8s.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code spark-k8s} command line. */
@Command(name = "spark-k8s", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Render and check the spark-k8s Helm chart: Spark Connect, Standalone or operator "
        + "backends, History Server and S3, on Kubernetes and OpenShift.",
    subcommands = {RenderCommand.class, LintCommand.class, PresetsCommand.class, UpCommand.class,
        StatusCommand.class, DownCommand.class, E2eCommand.class, LoadCommand.class},
    footer = {"", "Exit codes: 0 success, 1 a failed check, 2 bad usage or bad input."})
public class SparkK8s implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Without a subcommand: the usage, on stderr, and exit code 2. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println(Errors.PREFIX + "a command is required (render, lint, presets, up, status, down, e2e, load)");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.BAD_INPUT;
  }

  /** A command line with the error handling every entry point uses. */
  public static CommandLine commandLine() {
    Errors errors = new Errors();
    return new CommandLine(new SparkK8s())
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}

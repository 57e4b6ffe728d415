package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code spark-k8s} command line. */
@Command(name = "spark-k8s", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Render and check the spark-k8s Helm chart: Spark Connect, Standalone or operator "
        + "backends, History Server and S3, on Kubernetes and OpenShift.",
    subcommands = {RenderCommand.class, LintCommand.class, PresetsCommand.class, UpCommand.class,
        StatusCommand.class, DownCommand.class, DoctorCommand.class, E2eCommand.class, LoadCommand.class, JobsCommand.class},
    footer = {"", "Exit codes: 0 success, 1 a failed check, 2 bad usage or bad input, 3 a server that does not "
        + "answer, 70 an internal error (set SPARK_K8S_DEBUG=1 for the stack trace)."})
public class SparkK8s implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Without a subcommand: the usage, on stderr, and exit code 2. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println(Errors.PREFIX + "a command is required (render, lint, presets, up, status, down, doctor, e2e, load, jobs)");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.BAD_INPUT.status();
  }

  /** A command line with the error handling every entry point uses. */
  public static CommandLine commandLine() {
    return commandLine(Errors.fromEnvironment());
  }

  static CommandLine commandLine(Errors errors) {
    return new CommandLine(new SparkK8s())
        .setExecutionStrategy(new StrictExecution())
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setExitCodeExceptionMapper(errors);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}

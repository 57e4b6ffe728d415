package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.load.LoadUnreachableException;
import dev.sparkk8s.load.ScenarioException;
import dev.sparkk8s.local.LocalInputException;
import dev.sparkk8s.local.LocalRuntimeException;
import dev.sparkk8s.render.ChartException;
import dev.sparkk8s.render.ValuesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Every error ends the CLI with the exit code it carries; an unforeseen one with 70 (not 1, a failed check). */
class ExitCodesTest {

  /** A command that throws what it is given, run through the CLI's own error handling. */
  @Command(name = "fail")
  static final class Fail implements Callable<Integer> {

    private final Throwable error;

    Fail(Throwable error) {
      this.error = error;
    }

    @Override
    public Integer call() throws Exception {
      if (error instanceof Error e) {
        throw e;
      }
      throw (Exception) error;
    }
  }

  private static Cli.Result fail(Throwable error) {
    return fail(SparkK8s.commandLine(), error);
  }

  private static Cli.Result fail(CommandLine cli, Throwable error) {
    return Cli.run(cli.addSubcommand(new Fail(error)), "fail");
  }

  static Stream<Arguments> modulesExceptions() {
    return Stream.of(
        Arguments.of(new ValuesException(List.of("a.b: unknown key", "c: value must be one of 'x'")), 2,
            List.of("spark-k8s: a.b: unknown key", "spark-k8s: c: value must be one of 'x'")),
        Arguments.of(new ChartException("template: spark-k8s/templates/x.yaml:3\n  nil pointer"), 1,
            List.of("spark-k8s: template: spark-k8s/templates/x.yaml:3", "spark-k8s: nil pointer")),
        Arguments.of(new LocalRuntimeException("master exited while starting; the last lines of m.log:\nERROR bind\n"), 1,
            List.of("spark-k8s: master exited while starting; the last lines of m.log:", "    ERROR bind")),
        Arguments.of(new LocalInputException("--connect-port 1: the port is in use"), 2,
            List.of("spark-k8s: --connect-port 1: the port is in use")),
        Arguments.of(new ScenarioException("--duration: \"x\" is not a duration"), 2,
            List.of("spark-k8s: --duration: \"x\" is not a duration")),
        Arguments.of(new LoadUnreachableException("cannot reach a Spark Connect server at sc://h:1: refused",
            new ConnectException("refused")), 3, List.of("spark-k8s: cannot reach a Spark Connect server at sc://h:1: refused")),
        Arguments.of(new UncheckedIOException("cannot write manifests to /x: denied", new IOException("denied")), 2,
            List.of("spark-k8s: cannot write manifests to /x: denied")),
        Arguments.of(new ChartException(null), 1, List.of("spark-k8s: ChartException")),
        Arguments.of(new AccessDeniedException("/x/report"), 2, List.of("spark-k8s: AccessDeniedException: /x/report")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modulesExceptions")
  void eachModulesExceptionCarriesItsCode(Exception error, int exitCode, List<String> lines) {
    Cli.Result r = fail(error);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(exitCode);
    assertThat(r.err().lines()).containsExactlyElementsOf(lines);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unexpectedErrorIsAnInternalErrorInOneLine() {
    Cli.Result r = fail(new IllegalStateException("no value\nfor x"));
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
    assertThat(r.err()).isEqualTo("spark-k8s: internal error: IllegalStateException: no value for x "
        + "(set SPARK_K8S_DEBUG=1 for the stack trace)\n");
  }

  @Test
  void jvmErrorIsAnInternalErrorToo() {
    Cli.Result r = fail(new StackOverflowError("deep"));
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
    assertThat(r.err()).isEqualTo("spark-k8s: internal error: StackOverflowError: deep "
        + "(set SPARK_K8S_DEBUG=1 for the stack trace)\n");
  }

  @Test
  void debugAddsTheStackTrace() {
    Cli.Result r = fail(SparkK8s.commandLine(new Errors(true)), new IllegalStateException("no value"));
    assertThat(r.exitCode()).isEqualTo(70);
    assertThat(r.err()).startsWith("spark-k8s: internal error: IllegalStateException: no value")
        .contains("java.lang.IllegalStateException: no value", "\tat " + getClass().getName() + ".debugAddsTheStackTrace");
  }

  @Test
  void unknownScenarioIsBadInput(@TempDir Path tmp) {
    Path missing = tmp.resolve("missing.yaml");
    Cli.Result r = Cli.run("load", "--connect", "sc://127.0.0.1:1", "--scenario", missing.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("spark-k8s: --scenario " + missing + ": neither a built-in scenario");
  }

  @Test
  void serverThatDoesNotAnswerIsUnavailable(@TempDir Path tmp) throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    Cli.Result r = Cli.run("load", "--connect", "sc://127.0.0.1:" + port, "--scenario", "smoke",
        "--report", tmp.resolve("report").toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err().lines()).singleElement().asString()
        .startsWith("spark-k8s: cannot reach a Spark Connect server at sc://127.0.0.1:" + port + ": ");
  }

  @Test
  void prometheusThatDoesNotAnswerIsUnavailableBeforeTheRun(@TempDir Path tmp) throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    Cli.Result r = Cli.run("load", "--connect", "sc://127.0.0.1:1", "--scenario", "smoke",
        "--prometheus", "http://127.0.0.1:" + port, "--report", tmp.resolve("report").toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err().lines()).singleElement().asString()
        .startsWith("spark-k8s: --prometheus http://127.0.0.1:" + port + ": no Prometheus answers there (");
  }

  @Test
  void prometheusThatIsNoUrlAndANamespaceWithoutPrometheusAreBadInput(@TempDir Path tmp) {
    Cli.Result noUrl = Cli.run("load", "--connect", "sc://127.0.0.1:1", "--prometheus", "127.0.0.1:9090",
        "--report", tmp.resolve("report").toString());
    assertThat(noUrl.exitCode()).as(noUrl.toString()).isEqualTo(2);
    assertThat(noUrl.err().lines()).singleElement().asString()
        .isEqualTo("spark-k8s: --prometheus 127.0.0.1:9090: give the server's URL, e.g. http://127.0.0.1:9090");

    Cli.Result namespace = Cli.run("load", "--connect", "sc://127.0.0.1:1", "--namespace", "spark",
        "--report", tmp.resolve("report").toString());
    assertThat(namespace.exitCode()).as(namespace.toString()).isEqualTo(2);
    assertThat(namespace.err().lines()).singleElement().asString()
        .isEqualTo("spark-k8s: --namespace spark: it selects the --prometheus series; give --prometheus URL too");
  }

  @ParameterizedTest(name = "--connect {0}")
  @ValueSource(strings = {"sc://bad host:1", "sc://:15002", "sc://[::1:15002"})
  void connectUrlThatIsNoSparkConnectUrlIsBadInput(String url, @TempDir Path tmp) {
    Cli.Result r = Cli.run("load", "--connect", url, "--scenario", "smoke", "--report", tmp.resolve("report").toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString()
        .isEqualTo("spark-k8s: --connect " + url + ": not a Spark Connect URL; expected sc://<host>:<port>, "
            + "e.g. sc://127.0.0.1:15002");
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"", "render", "up", "doctor"})
  void helpListsEveryExitCode(String command) {
    Cli.Result r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
    assertThat(r.out().replaceAll("\\s+", " ")).contains("Exit codes: 0 success, 1 a failed check, "
        + "2 bad usage or bad input, 3 a server that does not answer, 70 an internal error");
  }
}

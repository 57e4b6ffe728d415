package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A report page opened in Debian's headless Chromium, as a person's browser would open it. */
final class HeadlessChromium {

  private HeadlessChromium() {
  }

  static void assertReportRenders(Path html) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assertThat(chromium).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").isExecutable();
    Path profile = Files.createTempDirectory("chromium-profile");
    Path png = html.resolveSibling("report.png");
    String dom = run(chromium, profile, "--dump-dom", html.toUri().toString());
    assertThat(dom).contains("id=\"verdict\"", "id=\"criteria\"");
    assertThat(dom).as("latency over time plot").containsPattern("<svg id=\"latency-over-time\"[^>]*>.*<circle class=\"point\"");
    assertThat(dom).as("percentiles plot").containsPattern("<svg id=\"percentiles-per-type\"[^>]*>.*<rect class=\"bar\"");
    assertThat(dom).as("throughput plot").containsPattern("<svg id=\"throughput\"[^>]*>.*<polyline class=\"line\"");
    run(chromium, profile, "--screenshot=" + png, "--window-size=900,1800", html.toUri().toString());
    assertThat(png).isNotEmptyFile();
  }

  private static String run(Path chromium, Path profile, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("chromium", ".log");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).redirectInput(new File("/dev/null")).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as("chromium exit; stderr: " + Files.readString(err)).isZero();
    assertThat(Files.readString(err)).as("page errors").doesNotContain("Uncaught", "ERR_FILE_NOT_FOUND");
    return out.replace("\n", " ");
  }
}

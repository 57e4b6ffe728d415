package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.monitoring.PrometheusRules;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Prometheus's own rule checker, from Debian's prometheus package, on rules the chart rendered. */
final class Promtool {

  static final Path BINARY = Path.of("/usr/bin/promtool");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Promtool() {
  }

  /** The rendered PrometheusRules' groups as a Prometheus rule file; without the annotations when asked. */
  static Path writeRuleFile(RenderedRelease release, Path file, boolean annotations) throws IOException {
    List<Map<String, Object>> groups = PrometheusRules.groups(release.objects());
    if (!annotations) {
      groups.forEach(g -> ((List<?>) g.get("rules")).forEach(r -> ((Map<?, ?>) r).remove("annotations")));
    }
    YAML.writeValue(file.toFile(), Map.of("groups", groups));
    return file;
  }

  /** Runs promtool in {@code dir}; its exit code and what it printed. */
  static Result run(Path dir, String... args) throws IOException, InterruptedException {
    assertThat(BINARY).as("promtool, from Debian's prometheus package (apt-get install prometheus; .ci/run "
        + "installs it)").isExecutable();
    List<String> command = new ArrayList<>(List.of(BINARY.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectInput(new File("/dev/null")).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return new Result(p.exitValue(), out);
  }

  record Result(int exitCode, String output) {
  }

}

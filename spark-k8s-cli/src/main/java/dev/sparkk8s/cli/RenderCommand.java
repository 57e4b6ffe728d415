package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.OutputDirWriter;
import dev.sparkk8s.render.RenderRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spark-k8s render}: the manifests, exactly as {@code helm template} prints them. */
@Command(name = "render",
    description = "Render the chart's manifests (identical to helm template) to stdout or to a directory.")
public class RenderCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ChartInputs inputs;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Write one file per template like 'helm template --output-dir' "
          + "(DIR/spark-k8s/templates/<file>.yaml) and print the files written.")
  Path output;

  @Override
  public Integer call() {
    RenderRequest request = inputs.request();
    ChartRenderer renderer = inputs.chart().renderer();
    PrintWriter out = terminal.out();
    if (output == null) {
      out.print(renderer.renderYaml(request));
    } else {
      List<Path> files = OutputDirWriter.write(renderer.render(request).manifests(), output);
      files.forEach(out::println);
    }
    out.flush();
    return ExitCode.OK.status();
  }
}

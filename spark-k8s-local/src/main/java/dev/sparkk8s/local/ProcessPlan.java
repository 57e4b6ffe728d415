package dev.sparkk8s.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one of the chart's containers as a local process, before Spark's launcher turns it
 * into a java command line.
 *
 * @param instance  the instance, e.g. {@code worker-1}
 * @param launch    the chart's launch wrapper, run in front of the java command line
 * @param sparkArgs what follows {@code spark-class}: the main class and its arguments
 * @param env       the container's environment, resolved and rewritten, plus the Spark home's
 * @param workDir   the process's working directory
 * @param log       where stdout and stderr go
 */
record ProcessPlan(ChartContainer container, String instance, LaunchWrapper launch, List<String> sparkArgs,
    Map<String, String> env, Path workDir, Path log) {
}

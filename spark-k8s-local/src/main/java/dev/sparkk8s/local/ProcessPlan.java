package dev.sparkk8s.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to start one container of a pod as a local process, before Spark's launcher turns it into a
 * java command line.
 *
 * @param instance   the instance, e.g. {@code worker-1}, or an executor pod's name
 * @param launch     the chart's launch wrapper, run in front of the java command line
 * @param entrypoint what the image runs for the container's words
 * @param env        the container's environment, resolved and rewritten, plus the Spark home's
 * @param workDir    the process's working directory
 * @param log        where stdout and stderr go
 */
record ProcessPlan(ChartContainer container, String instance, LaunchWrapper launch, ImageEntrypoint entrypoint,
    Map<String, String> env, Path workDir, Path log) {
}

package dev.sparkk8s.local;

import dev.sparkk8s.render.contract.Component;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A process of the platform, started from its plan with its output in its log file: the java command line
 * Spark's launcher computes, behind the chart's launch wrapper (so the recorded process is the wrapper's
 * tini, the JVM its child).
 */
record StartedProcess(ProcessPlan plan, Process process) {

  /** A system property naming the run, so that {@code down} only stops processes of its own run. */
  static final String RUN_MARKER = "-Dspark-k8s.run=";

  static StartedProcess start(ProcessPlan plan, SparkHome home, ClassDataArchive archive, java.nio.file.Path runDir) {
    List<String> javaCommand = new ArrayList<>(SparkClassCommand.of(home, plan.sparkArgs(), plan.env()));
    List<String> archiveOptions = archive.jvmOptionsFor(javaCommand);
    javaCommand.add(1, RUN_MARKER + runDir);
    javaCommand.addAll(1, archiveOptions);
    List<String> command = new ArrayList<>(ProcessPriority.prefix(plan.container().component()));
    command.addAll(plan.launch().around(javaCommand));
    try {
      Files.createDirectories(plan.workDir());
      Files.createDirectories(plan.log().getParent());
      ProcessBuilder pb = new ProcessBuilder(command)
          .directory(plan.workDir().toFile())
          .redirectErrorStream(true)
          // Appended: a restarted process keeps what the one before it wrote, as `kubectl logs --previous` does.
          .redirectOutput(Redirect.appendTo(plan.log().toFile()))
          .redirectInput(Redirect.from(new java.io.File("/dev/null")));
      pb.environment().putAll(plan.env());
      if (plan.container().component() == Component.WORKER) {
        pb.environment().putAll(archive.inheritedEnv());
      }
      return new StartedProcess(plan, pb.start());
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot start " + plan.instance() + ": " + e.getMessage(), e);
    }
  }
}

package dev.sparkk8s.local;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a pod's container as a local process, as a kubelet and the apache/spark image would: the
 * environment resolved ({@link ContainerEnv}), the volumes made directories of the run
 * ({@link PodVolumes}), the words run as the image runs them ({@link ImageEntrypoint}) behind the
 * chart's launch wrapper, with only addresses made local ({@link LocalAddresses}). Both the
 * {@code up --local} platform and the Kubernetes harness's kubelet start their processes here;
 * {@link ProcessStopper} stops them.
 */
public final class PodRunner {

  /** A system property naming the run, so that {@code down} only stops processes of its own run. */
  static final String RUN_MARKER = "-Dspark-k8s.run=";

  private final SparkHome home;
  private final ClassDataArchive archive;
  private final Path runDir;

  public PodRunner(SparkHome home, Path runDir) {
    this(home, ClassDataArchive.of(home), runDir);
  }

  PodRunner(SparkHome home, ClassDataArchive archive, Path runDir) {
    this.home = home;
    this.archive = archive;
    this.runDir = runDir;
  }

  /**
   * Starts a pod as the kubelet of one machine: its first container, with its own volumes under
   * {@code <run dir>/instances/<pod name>}; only mounted paths change in what it was given.
   */
  public Process run(Pod pod, PodObjects objects) {
    ChartContainer c = ChartContainer.of(pod);
    LocalAddresses addresses = new LocalAddresses(List.of(c), List.of(), pod.getMetadata().getNamespace(), runDir,
        Map.of(), Map.of());
    return start(plan(c, objects, addresses)).process();
  }

  /** Resolves the environment, writes the volumes and decides the command; starts nothing. */
  ProcessPlan plan(ChartContainer c, PodObjects objects, LocalAddresses addresses) {
    Map<String, String> env = ContainerEnv.resolve(c, addresses.namespace(), objects, home.env(),
        value -> addresses.text(c, value));
    PodVolumes.materialise(c, objects, addresses);
    LaunchWrapper launch = LaunchWrapper.of(c, word -> ContainerEnv.expand(word, env));
    List<String> args = c.container().getArgs() == null ? List.of() : c.container().getArgs();
    List<String> words = Stream.concat(launch.command().stream(), args.stream().map(arg -> ContainerEnv.expand(arg, env)))
        .toList();
    List<String> local = new ArrayList<>(words.stream().limit(1).toList());
    words.stream().skip(1).forEach(word -> local.add(addresses.arg(c, word)));
    ImageEntrypoint entrypoint = ImageEntrypoint.of(c.instance(), local, env, home);
    Path workDir = addresses.mounts(c).getOrDefault("/opt/spark/work-dir", addresses.instanceDir(c));
    Path log = addresses.instanceDir(c).resolve(c.instance() + ".log");
    return new ProcessPlan(c, c.instance(), launch, entrypoint, env, workDir, log);
  }

  /**
   * Starts a plan with its output appended to its log: the java command line behind the launch
   * wrapper (so the recorded process is the wrapper's tini, the JVM its child).
   */
  StartedProcess start(ProcessPlan plan) {
    List<String> javaCommand = new ArrayList<>(plan.entrypoint().javaCommand(home, plan.env()));
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
          .redirectInput(Redirect.from(new File("/dev/null")));
      pb.environment().putAll(plan.env());
      if (plan.container().component() == Component.WORKER) {
        pb.environment().putAll(archive.inheritedEnv(pb.environment().get("JAVA_TOOL_OPTIONS")));
      }
      return new StartedProcess(plan, pb.start());
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot start " + plan.instance() + ": " + e.getMessage(), e);
    }
  }
}

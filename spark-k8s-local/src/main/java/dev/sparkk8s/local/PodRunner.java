package dev.sparkk8s.local;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
  private static final Duration INIT_TIMEOUT = Duration.ofMinutes(2);

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
    return run(pod, objects, List.of());
  }

  /**
   * {@link #run(Pod, PodObjects)} where the namespace has these Services: their names (a cluster-mode driver's
   * Service, which its executors dial) are 127.0.0.1, as the cluster's DNS would resolve them to the pods.
   */
  public Process run(Pod pod, PodObjects objects, List<Service> services) {
    ChartContainer c = ChartContainer.of(pod);
    // A pod Spark built listens on its own ports; a Service in front of it leads to them unchanged.
    Map<Integer, Integer> ownPorts = new HashMap<>();
    c.podPorts().forEach(p -> ownPorts.put(p.getContainerPort(), p.getContainerPort()));
    LocalAddresses addresses = new LocalAddresses(List.of(c), services, pod.getMetadata().getNamespace(), runDir,
        Map.of(c.instance(), ownPorts), Map.of());
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
    if (entrypoint instanceof ImageEntrypoint.Nginx) {
      NginxImage.renderTemplates(env, text -> addresses.text(c, text));
    }
    Map<String, String> processEnv = env;
    if (entrypoint instanceof ImageEntrypoint.Bash) {
      processEnv = new HashMap<>(env);
      processEnv.put("SPARK_HOME", imageHome().toString());
    }
    Path workDir = addresses.mounts(c).getOrDefault("/opt/spark/work-dir", addresses.instanceDir(c));
    // An init container or a sidecar logs beside its pod's container, as `kubectl logs -c` keeps them apart.
    String logName = c.secondary() ? c.instance() + "." + c.container().getName() : c.instance();
    Path log = addresses.instanceDir(c).resolve(logName + ".log");
    String name = c.secondary() && !c.init() ? LocalProcess.sidecarName(c.instance(), c.container().getName()) : c.instance();
    return new ProcessPlan(c, name, launch, entrypoint, processEnv, workDir, log);
  }

  /** The image's {@code SPARK_HOME} for scripts that call its commands, one per run directory and Spark line. */
  private synchronized Path imageHome() {
    return ImageSparkHome.create(home, runDir.resolve("image-spark-home-" + home.sparkVersion()));
  }

  /**
   * Runs a pod's init containers one after the other, as a kubelet does before it starts the pod's
   * container; fails, with the log's last lines, on the first that does not exit 0.
   */
  void runInitContainers(ChartContainer c, PodObjects objects, LocalAddresses addresses) {
    for (ChartContainer init : c.initContainers()) {
      StartedProcess started = start(plan(init, objects, addresses));
      Process p = started.process();
      try {
        if (!p.waitFor(INIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          ProcessStopper.stop(List.of(p.toHandle()), ProcessStopper.GRACE);
          throw new LocalRuntimeException(c.instance() + ": init container " + init.container().getName()
              + " did not finish within " + INIT_TIMEOUT.toSeconds() + "s; the last lines of " + started.plan().log() + ":\n"
              + LogTail.of(started.plan().log(), 15));
        }
      } catch (InterruptedException e) {
        ProcessStopper.stop(List.of(p.toHandle()), ProcessStopper.GRACE);
        Thread.currentThread().interrupt();
        throw new LocalRuntimeException("interrupted while " + c.instance() + " ran its init containers", e);
      }
      if (p.exitValue() != 0) {
        throw new LocalRuntimeException(c.instance() + ": init container " + init.container().getName() + " exited with code "
            + p.exitValue() + "; the last lines of " + started.plan().log() + ":\n" + LogTail.of(started.plan().log(), 15));
      }
    }
  }

  /**
   * Starts a plan with its output appended to its log: the java command line behind the launch
   * wrapper (so the recorded process is the wrapper's tini, the JVM its child), or nginx.
   */
  StartedProcess start(ProcessPlan plan) {
    List<String> command = new ArrayList<>(ProcessPriority.prefix(plan.container().component()));
    if (plan.entrypoint() instanceof ImageEntrypoint.Nginx nginx) {
      command.addAll(nginx.command());
    } else if (plan.entrypoint() instanceof ImageEntrypoint.Bash bash) {
      command.addAll(plan.launch().around(bash.command()));
    } else {
      List<String> javaCommand = new ArrayList<>(archive.archived(plan.entrypoint().javaCommand(home, plan.env())));
      javaCommand.add(1, RUN_MARKER + runDir);
      command.addAll(plan.launch().around(javaCommand));
    }
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

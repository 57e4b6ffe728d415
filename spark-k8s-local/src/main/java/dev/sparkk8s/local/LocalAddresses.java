package dev.sparkk8s.local;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the release's addresses land on this machine: every Service name is 127.0.0.1, every
 * container port a local port (the same number when it is free), every mounted path a directory
 * of the run. Only addresses change; everything else the chart rendered stays as rendered.
 */
final class LocalAddresses {

  static final String LOOPBACK = "127.0.0.1";
  /** An address inside a pod's own network: its loopback or every interface, with a port. */
  private static final Pattern POD_ADDRESS = Pattern.compile(
      "(?<![\\w.-])(?:127\\.0\\.0\\.1|localhost|0\\.0\\.0\\.0):(\\d{1,5})(?![\\w.-])");

  /** Driver keys whose paths are read in the executor pods (the driver reads spark.authenticate.secret.driver.file). */
  private static final Set<String> EXECUTOR_PATH_KEYS = Set.of("spark.authenticate.secret.file",
      "spark.authenticate.secret.executor.file");

  private final Path runDir;
  private final String namespace;
  private final Map<String, Map<Integer, Integer>> portsByInstance = new HashMap<>();
  private final Map<String, Integer> servicePorts = new HashMap<>();
  private final Pattern serviceHosts;
  private final Map<String, String> endpoints;

  /**
   * @param endpoints addresses outside the release and where they are here, replaced as written
   *                  (e.g. {@code https://kubernetes.default.svc} -> the local API server's URL)
   */
  LocalAddresses(List<ChartContainer> containers, List<Service> services, String namespace, Path runDir,
      LocalPorts ports, Map<Integer, String> exactPorts, Map<String, String> endpoints) {
    this(containers, services, namespace, runDir, handOut(containers, ports, exactPorts), endpoints);
  }

  /**
   * The addresses of a platform that is already up.
   *
   * @param localPorts instance -> container port -> the local port it was given
   */
  LocalAddresses(List<ChartContainer> containers, List<Service> services, String namespace, Path runDir,
      Map<String, Map<Integer, Integer>> localPorts, Map<String, String> endpoints) {
    this.runDir = runDir;
    this.namespace = namespace;
    this.endpoints = Map.copyOf(endpoints);
    portsByInstance.putAll(localPorts);
    StringBuilder hosts = new StringBuilder();
    for (Service s : services) {
      String name = s.getMetadata().getName();
      hosts.append(hosts.length() == 0 ? "" : "|").append(Pattern.quote(name));
      backing(s, containers).ifPresent(c -> mapServicePorts(s, c));
    }
    String suffix = "(?:\\." + Pattern.quote(namespace) + "(?:\\.svc(?:\\.cluster\\.local)?)?)?";
    this.serviceHosts = Pattern.compile("(?<![\\w.-])(?:" + (hosts.length() == 0 ? "(?!)" : hosts) + ")"
        + suffix + "(?::(\\d+))?(?![\\w.-])");
  }

  private static Map<String, Map<Integer, Integer>> handOut(List<ChartContainer> containers, LocalPorts ports,
      Map<Integer, String> exactPorts) {
    Map<String, Map<Integer, Integer>> out = new HashMap<>();
    for (ChartContainer c : containers) {
      Map<Integer, Integer> local = new LinkedHashMap<>();
      for (ContainerPort p : ports(c)) {
        String option = exactPorts.get(p.getContainerPort());
        local.put(p.getContainerPort(), option != null
            ? ports.exactly(p.getContainerPort(), option) : ports.near(p.getContainerPort()));
      }
      out.put(c.instance(), local);
    }
    return out;
  }

  /** The namespace the release was rendered for. */
  String namespace() {
    return namespace;
  }

  /** The local port of a container port of one instance. */
  int port(ChartContainer c, int containerPort) {
    Integer local = portsByInstance.getOrDefault(c.instance(), Map.of()).get(containerPort);
    if (local == null) {
      throw new LocalRuntimeException(c.instance() + " declares no container port " + containerPort);
    }
    return local;
  }

  /** Whether the container declares a port of that name. */
  boolean hasPort(ChartContainer c, String name) {
    return ports(c).stream().anyMatch(p -> name.equals(p.getName()));
  }

  /** The local port of a named container port ({@code grpc}, {@code web-ui}, ...). */
  int port(ChartContainer c, String name) {
    return ports(c).stream().filter(p -> name.equals(p.getName())).findFirst()
        .map(p -> port(c, p.getContainerPort()))
        .orElseThrow(() -> new LocalRuntimeException(c.instance() + " has no port named " + name));
  }

  /** A port given as a probe or Service gives it: a number or a container port name. */
  int port(ChartContainer c, IntOrString port) {
    return port.getIntVal() != null ? port(c, port.getIntVal()) : port(c, port.getStrVal());
  }

  Map<Integer, Integer> ports(String instance) {
    return portsByInstance.getOrDefault(instance, Map.of());
  }

  /** Local directory standing for a volume mounted in this instance. */
  Path volumeDir(ChartContainer c, Volume volume) {
    if (volume.getPersistentVolumeClaim() != null) {
      return runDir.resolve("volumes").resolve(volume.getPersistentVolumeClaim().getClaimName());
    }
    return instanceDir(c).resolve(volume.getName());
  }

  Path instanceDir(ChartContainer c) {
    return runDir.resolve("instances").resolve(c.instance());
  }

  /** Mount path -> local directory, longest mount path first. */
  Map<String, Path> mounts(ChartContainer c) {
    Map<String, Path> out = new LinkedHashMap<>();
    c.container().getVolumeMounts().stream()
        .sorted(Comparator.comparingInt((VolumeMount m) -> m.getMountPath().length()).reversed())
        .forEach(m -> out.put(m.getMountPath(), volumeDir(c, volume(c, m.getName()))));
    return out;
  }

  /**
   * Rewrites addresses in free text: the pod's own addresses with one of its ports (a sidecar reaching
   * {@code 127.0.0.1:15002}, a listener on {@code 0.0.0.0:15443}) to loopback and the local port, Service hosts
   * in URLs and host:port pairs (with their ports), mounted paths, the wildcard address.
   */
  String text(ChartContainer c, String original) {
    String s = podAddresses(c, original);
    for (Map.Entry<String, String> e : endpoints.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    Matcher m = serviceHosts.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String port = m.group(1);
      boolean inUrl = m.start() >= 2 && s.startsWith("//", m.start() - 2);
      // Only addresses: "scheme://host" or "host:port"; a name that merely equals a Service's stays.
      String local = port != null ? LOOPBACK + ":" + servicePort(m.group(), port) : inUrl ? LOOPBACK : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(local));
    }
    m.appendTail(out);
    String result = MountedPaths.replace(mounts(c), out.toString());
    return result.equals("0.0.0.0") ? LOOPBACK : result;
  }

  private String podAddresses(ChartContainer c, String text) {
    Map<Integer, Integer> local = ports(c.instance());
    Matcher m = POD_ADDRESS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Integer port = local.get(Integer.parseInt(m.group(1)));
      m.appendReplacement(out, Matcher.quoteReplacement(port == null ? m.group() : LOOPBACK + ":" + port));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A command-line argument: a bare declared port number becomes its local port; else {@link #text}. */
  String arg(ChartContainer c, String arg) {
    if (arg.matches("[0-9]{2,5}") && ports(c.instance()).containsKey(Integer.parseInt(arg))) {
      return String.valueOf(port(c, Integer.parseInt(arg)));
    }
    return text(c, arg);
  }

  /**
   * A Spark configuration value: a {@code *.port} key holding a declared port becomes local; a path only executors
   * read stays the container path it is (the driver hands it to its executor pods, each with its own mount); else
   * {@link #text}.
   */
  String confValue(ChartContainer c, String key, String value) {
    if (EXECUTOR_PATH_KEYS.contains(key)) {
      return value;
    }
    if (key.toLowerCase().endsWith("port")) {
      return arg(c, value);
    }
    // A cluster-mode driver's host is its Service's name, which the cluster's DNS resolves to the driver pod.
    if (key.equals("spark.driver.host") && serviceHosts.matcher(value).matches()) {
      return LOOPBACK;
    }
    return text(c, value);
  }

  private int servicePort(String hostAndPort, String port) {
    String host = hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
    Integer local = servicePorts.get(host.split("\\.")[0] + ":" + port);
    return local == null ? Integer.parseInt(port) : local;
  }

  private void mapServicePorts(Service s, ChartContainer backing) {
    for (ServicePort sp : s.getSpec().getPorts()) {
      IntOrString target = sp.getTargetPort() == null ? new IntOrString(sp.getPort()) : sp.getTargetPort();
      servicePorts.put(s.getMetadata().getName() + ":" + sp.getPort(), port(backing, target));
    }
  }

  /** The one instance a Service selects, if exactly one does (a headless Service over workers selects many). */
  private static Optional<ChartContainer> backing(Service s, List<ChartContainer> containers) {
    Map<String, String> selector = s.getSpec().getSelector();
    if (selector == null) {
      return Optional.empty();
    }
    List<ChartContainer> selected = containers.stream()
        .filter(c -> c.labels().entrySet().containsAll(selector.entrySet())).toList();
    return selected.size() == 1 ? Optional.of(selected.get(0)) : Optional.empty();
  }

  private static List<ContainerPort> ports(ChartContainer c) {
    return c.podPorts();
  }

  private static Volume volume(ChartContainer c, String name) {
    return c.pod().getSpec().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow(() -> new LocalRuntimeException(c.instance() + " mounts undeclared volume " + name));
  }
}

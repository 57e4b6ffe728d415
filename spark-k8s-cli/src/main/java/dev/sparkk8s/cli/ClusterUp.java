package dev.sparkk8s.cli;

import com.marcnuri.helm.Release;
import dev.sparkk8s.cluster.ApiErrors;
import dev.sparkk8s.cluster.ClusterInputException;
import dev.sparkk8s.cluster.Kubeconfigs;
import dev.sparkk8s.cluster.Namespaces;
import dev.sparkk8s.cluster.doctor.DoctorReport;
import dev.sparkk8s.cluster.doctor.SnapshotReader;
import dev.sparkk8s.cluster.lifecycle.HelmRelease;
import dev.sparkk8s.cluster.lifecycle.ReleaseReadiness;
import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.ReleaseDiff;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import dev.sparkk8s.render.contract.ChartServices;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code spark-k8s up} on a cluster: lint, show what an upgrade changes, install or upgrade with Helm, wait. */
final class ClusterUp {

  /** What the user asked for, besides the cluster. */
  record Request(UserValues values, List<String> shorthandSets, boolean force, boolean yes, boolean awaitAnswer,
      Duration timeout) {
  }

  private final ClusterOptions cluster;
  private final ChartRenderer chart;
  private final PrintWriter out;
  private final BufferedReader in;
  private RenderedRelease rendered;

  ClusterUp(ClusterOptions cluster, ChartRenderer chart, PrintWriter out, BufferedReader in) {
    this.cluster = cluster;
    this.chart = chart;
    this.out = out;
    this.in = in;
  }

  int run(Request request) {
    Config config = cluster.config();
    String namespace = cluster.namespace(config);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      try {
        Namespaces.require(client, namespace);
      } catch (KubernetesClientException e) {
        throw ApiErrors.asInput(client, e);
      }
      HelmRelease release = new HelmRelease(chart, Kubeconfigs.helmContents(cluster.kubeconfig, cluster.context),
          namespace, cluster.release);
      Optional<Release> current = release.current();
      Path previous = current.isPresent() ? previousValues(release) : null;
      try {
        RenderRequest target = request(release, request, previous);
        RenderedRelease after = chart.render(target);
        rendered = after;
        List<Finding> findings = PolicyEngine.standard().check(after.objects());
        if (!findings.isEmpty()) {
          findings.forEach(f -> out.println(f));
          if (!request.force()) {
            out.println("refused: " + findings.size() + " lint findings (spark-k8s lint shows them; --force applies "
                + "anyway)");
            return ExitCode.CHECK_FAILED.status();
          }
        }
        Release applied;
        if (current.isEmpty()) {
          out.println("installing release " + release.name() + " in namespace " + namespace + " (Helm, atomic: "
              + "uninstalled again if its workloads are not ready within " + request.timeout().toSeconds() + " s)");
          out.flush();
          applied = release.install(target, request.timeout());
        } else {
          RenderedRelease before = chart.render(request(release, null, previous));
          ReleaseDiff diff = ReleaseDiff.between(before, after);
          printDiff(current.get(), diff);
          if (!request.yes() && !confirmed()) {
            out.println("not upgraded");
            return ExitCode.CHECK_FAILED.status();
          }
          out.println("upgrading release " + release.name() + " (Helm, atomic: rolled back to revision "
              + current.get().getRevision() + " if its workloads are not ready within " + request.timeout().toSeconds()
              + " s)");
          out.flush();
          applied = release.upgrade(target, request.timeout());
        }
        out.println("Helm: release " + applied.getName() + " revision " + applied.getRevision() + " "
            + applied.getStatus());
        if (request.awaitAnswer()) {
          int connectPort = ChartServices.targetPort(after, Component.CONNECT, PortNames.GRPC);
          if (!ReleaseReadiness.await(client, release, connectPort, request.timeout(), line -> {
            out.println(line);
            out.flush();
          })) {
            out.println("not ready within " + request.timeout().toSeconds() + " s; what the doctor finds:");
            DoctorOutput.print(DoctorReport.of(new SnapshotReader(client), namespace, release.name()),
                DoctorOutput.Format.text, out);
            return ExitCode.CHECK_FAILED.status();
          }
        }
        printAccess(after, namespace);
        return ExitCode.OK.status();
      } finally {
        if (previous != null) {
          previous.toFile().delete();
        }
      }
    }
  }

  /** The release as the last {@link #run} rendered it (the earlier values, then the user's), once it got that far. */
  Optional<RenderedRelease> rendered() {
    return Optional.ofNullable(rendered);
  }

  /** The user's values after the release's earlier ones ({@code --reuse-values}); only the earlier when null. */
  private static RenderRequest request(HelmRelease release, Request request, Path previous) {
    List<Path> files = new ArrayList<>();
    if (previous != null) {
      files.add(previous);
    }
    String preset = null;
    List<String> sets = new ArrayList<>();
    if (request != null) {
      preset = request.values().preset();
      files.addAll(request.values().valuesFiles());
      sets.addAll(request.values().setArguments());
      sets.addAll(request.shorthandSets());
    }
    return RenderRequest.builder().release(release.name()).namespace(release.namespace())
        .values(new UserValues(preset, files, sets)).build();
  }

  private Path previousValues(HelmRelease release) {
    try {
      Path file = Files.createTempFile("spark-k8s-previous-values-", ".yaml");
      Files.writeString(file, release.userValues());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void printDiff(Release current, ReleaseDiff diff) {
    out.println("release " + current.getName() + " revision " + current.getRevision() + ": what the upgrade changes");
    if (diff.isEmpty()) {
      out.println("  nothing");
    }
    diff.added().forEach(o -> out.println("  + " + o));
    diff.removed().forEach(o -> out.println("  - " + o));
    for (String object : diff.changedObjects()) {
      out.println("  ~ " + object);
      diff.changed().stream().filter(c -> c.startsWith(object + " "))
          .forEach(c -> out.println("      " + c.substring(object.length() + 1)));
    }
  }

  private boolean confirmed() {
    out.print("Upgrade? [y/N] ");
    out.flush();
    try {
      String answer = in.readLine();
      if (answer == null) {
        throw new ClusterInputException("no answer to the confirmation (no input): give --yes to upgrade without it");
      }
      return answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void printAccess(RenderedRelease release, String namespace) {
    out.println();
    for (Service service : release.objects().stream().filter(Service.class::isInstance).map(Service.class::cast)
        .toList()) {
      String name = service.getMetadata().getName();
      service.getSpec().getPorts().forEach(port -> out.println("  " + name + " " + port.getName() + ": "
          + (PortNames.GRPC.equals(port.getName()) ? "sc://" : "http://") + name + "." + namespace + ".svc:"
          + port.getPort()));
    }
    String connect = release.objects().stream().filter(Service.class::isInstance)
        .filter(s -> Component.CONNECT.labels(s) && s.getMetadata().getName().endsWith("-connect"))
        .map(s -> s.getMetadata().getName()).findFirst().orElse("");
    out.println("From this machine: kubectl -n " + namespace + " port-forward svc/" + connect
        + " 15002:15002 4040:4040, then sc://localhost:15002 (UI http://localhost:4040)");
  }

  static BufferedReader stdin() {
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
  }
}

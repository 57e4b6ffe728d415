package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.SparkDefaults;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;

/** Typed look-ups into a rendered release of the default release name, failing with a clear message. */
record ReleaseView(RenderedRelease release) {

  static final String FULLNAME = "spark-spark-k8s";

  <T extends HasMetadata> T get(Class<T> type, String kind, String name) {
    HasMetadata found = release.find(kind, name)
        .orElseThrow(() -> new AssertionError(kind + "/" + name + " not rendered; objects: " + names()));
    assertThat(found).isInstanceOf(type);
    return type.cast(found);
  }

  boolean has(String kind, String name) {
    return release.find(kind, name).isPresent();
  }

  Deployment deployment(String suffix) {
    return get(Deployment.class, "Deployment", FULLNAME + "-" + suffix);
  }

  StatefulSet statefulSet(String suffix) {
    return get(StatefulSet.class, "StatefulSet", FULLNAME + "-" + suffix);
  }

  Service service(String suffix) {
    return get(Service.class, "Service", FULLNAME + "-" + suffix);
  }

  ConfigMap configMap(String suffix) {
    return get(ConfigMap.class, "ConfigMap", FULLNAME + "-" + suffix);
  }

  JsonNode custom(String kind, String suffix) {
    return Json.tree(get(HasMetadata.class, kind, FULLNAME + "-" + suffix));
  }

  Map<String, String> connectConf() {
    return SparkDefaults.connect(release).orElseThrow(() -> new AssertionError("no spark-conf ConfigMap"));
  }

  static Container container(PodSpec pod, String name) {
    return pod.getContainers().stream().filter(c -> name.equals(c.getName())).findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name));
  }

  private String names() {
    return release.objects().stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList().toString();
  }
}

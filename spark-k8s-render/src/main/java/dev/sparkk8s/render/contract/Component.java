package dev.sparkk8s.render.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The chart's components: the value of {@link ChartLabels#COMPONENT} on every object it renders. */
public enum Component {
  CONNECT("connect"),
  MASTER("master"),
  WORKER("worker"),
  HISTORY("history"),
  EXECUTOR("executor"),
  RBAC("rbac"),
  /** The Connect server's Spark configuration ConfigMap. */
  SPARK_CONF("spark-conf"),
  EVENT_LOG_INIT("event-log-init"),
  /** The batch-job profile ConfigMap. */
  JOB_PROFILE("job-profile"),

  /** The release's PrometheusRule and Grafana dashboard ConfigMaps. */
  MONITORING("monitoring");

  private final String label;

  Component(String label) {
    this.label = label;
  }

  /** The label value, as the chart writes it. */
  @JsonValue
  public String label() {
    return label;
  }

  /** The component an object is labelled with, if any. */
  public static Optional<Component> of(HasMetadata object) {
    Map<String, String> labels = object.getMetadata() == null ? null : object.getMetadata().getLabels();
    return labels == null ? Optional.empty() : ofLabel(labels.get(ChartLabels.COMPONENT));
  }

  public static Optional<Component> ofLabel(String label) {
    return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
  }

  public boolean labels(HasMetadata object) {
    return of(object).filter(this::equals).isPresent();
  }

  @Override
  public String toString() {
    return label;
  }
}

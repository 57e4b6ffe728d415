package dev.sparkk8s.policy;

/**
 * One rule violated by one rendered object.
 *
 * @param rule      stable rule id, e.g. {@code pss-restricted/run-as-non-root}
 * @param resource  {@code Kind/name} of the rendered object that holds the violation
 * @param container the container name, or {@code null} when the finding is about the pod or object
 * @param field     the path of the offending field inside the object,
 *                  e.g. {@code spec.template.spec.containers[spark-connect].securityContext.runAsNonRoot}
 * @param message   what is wrong, with the value found
 * @param fix       what to change, naming a chart value where one exists
 */
public record Finding(String rule, String resource, String container, String field, String message, String fix) {

  /** One line a person reads in a terminal. */
  public String describe() {
    String where = container == null ? resource : resource + " container " + container;
    return rule + ": " + where + " " + field + ": " + message + ". Fix: " + fix;
  }
}

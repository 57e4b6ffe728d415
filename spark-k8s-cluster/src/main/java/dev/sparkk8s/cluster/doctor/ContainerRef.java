package dev.sparkk8s.cluster.doctor;

/** One container of one pod, e.g. whose log was read. */
public record ContainerRef(String pod, String container) {
}

package dev.sparkk8s.local;

/** A process {@link PodRunner} started, with the plan it was started from. */
record StartedProcess(ProcessPlan plan, Process process) {
}

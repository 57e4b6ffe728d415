package dev.sparkk8s.jobs.model;

import java.time.Instant;

/**
 * A batch job of a release, as listed.
 *
 * @param id      the name of its driver pod, Job or SparkApplication
 * @param kind    what that object is
 * @param status  its state
 * @param created when the object was created (null when the API did not say)
 */
public record Job(String id, JobKind kind, JobStatus status, Instant created) {
}

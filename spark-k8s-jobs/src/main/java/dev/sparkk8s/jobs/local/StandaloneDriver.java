package dev.sparkk8s.jobs.local;

import java.time.Instant;

/**
 * A driver as the Standalone master lists it in its {@code /json/} ({@code activedrivers}, {@code completeddrivers}).
 *
 * @param id      the master's id of it, {@code driver-<yyyyMMddHHmmss>-<n>}
 * @param state   the master's state of it ({@code SUBMITTED}, {@code RUNNING}, {@code FINISHED}, ...)
 * @param worker  the worker it runs or ran on, {@code None} while it waits for one
 * @param started when the master accepted it
 */
public record StandaloneDriver(String id, String state, String worker, Instant started) {
}

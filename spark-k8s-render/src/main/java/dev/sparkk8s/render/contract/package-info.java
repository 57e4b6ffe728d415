/**
 * The chart's contract with the Java code, as code: the names the chart's templates give their objects,
 * labels, ConfigMap keys, containers and ports (docs/chart-conventions.md). Code that finds something in
 * rendered output names it through these classes, never by a string of its own.
 */
package dev.sparkk8s.render.contract;

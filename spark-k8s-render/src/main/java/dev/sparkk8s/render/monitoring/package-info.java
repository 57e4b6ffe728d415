/**
 * The Prometheus Operator objects a release renders (ServiceMonitor, PodMonitor, PrometheusRule), read into
 * records: what the policy engine checks and what the local runtime's Prometheus is configured from.
 */
package dev.sparkk8s.render.monitoring;

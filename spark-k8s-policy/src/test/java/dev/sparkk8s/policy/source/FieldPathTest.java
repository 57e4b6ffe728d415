package dev.sparkk8s.policy.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {

  private final FieldPath path = FieldPath.at("spec.driver.template.spec")
      .withOverride("securityContext", "spec.driver.podSecurityContext")
      .withOverride("volumes[a]", "spec.volumes[a]");

  @Test
  void fieldsUnderTheBase() {
    assertThat(path.of("hostPID")).isEqualTo("spec.driver.template.spec.hostPID");
    assertThat(path.of("")).isEqualTo("spec.driver.template.spec");
  }

  @Test
  void overriddenFieldsAndTheirChildren() {
    assertThat(path.of("securityContext.runAsUser")).isEqualTo("spec.driver.podSecurityContext.runAsUser");
    assertThat(path.of("securityContext")).isEqualTo("spec.driver.podSecurityContext");
    assertThat(path.of("volumes[a].hostPath")).isEqualTo("spec.volumes[a].hostPath");
  }

  @Test
  void anOverrideDoesNotCaptureFieldsThatOnlyShareItsPrefix() {
    assertThat(path.of("securityContextExtra")).isEqualTo("spec.driver.template.spec.securityContextExtra");
    assertThat(path.of("volumes[ab].hostPath")).isEqualTo("spec.driver.template.spec.volumes[ab].hostPath");
  }
}

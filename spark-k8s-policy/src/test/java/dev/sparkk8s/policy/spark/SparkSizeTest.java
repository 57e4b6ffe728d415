package dev.sparkk8s.policy.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SparkSizeTest {

  @ParameterizedTest(name = "{0} = {1} MiB")
  @CsvSource({"2g, 2048", "2G, 2048", "2gb, 2048", "512m, 512", "512, 512", "1t, 1048576", "2048k, 2",
      "1048575b, 0", " 3g , 3072"})
  void sizesInMiB(String value, long mib) {
    assertThat(SparkSize.mib("k", value, SparkSize.MIB)).isEqualTo(mib);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5g", "2x", "g", "-1g", "", "99999999999999999999t"})
  void valuesSparkRejects(String value) {
    assertThatThrownBy(() -> SparkSize.mib("spark.executor.memory", value, SparkSize.MIB))
        .isInstanceOf(BadValue.class)
        .hasMessageContaining("spark.executor.memory");
  }
}

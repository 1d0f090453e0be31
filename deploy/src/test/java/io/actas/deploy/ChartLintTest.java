package io.actas.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

class ChartLintTest {

    @Test
    void lintStrictWithDefaultValuesIsClean() {
        LintResult result = new Helm(Chart.DIR).lint().strict().call();

        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }
}

package fr.anef.renewal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The literals answered without FEEL give what FEEL gives, on the deployed table and on forms that
 * must still go to FEEL.
 */
class LiteralFeelTests {

  /** Camunda's FEEL engine, counting the expressions it was given. */
  static final class Counting implements FeelEngineFactory {
    final AtomicInteger calls = new AtomicInteger();
    final FeelEngineFactory scala = new ScalaFeelEngineFactory();

    @Override
    public FeelEngine createInstance() {
      FeelEngine feel = scala.createInstance();
      return new FeelEngine() {
        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
          calls.incrementAndGet();
          return feel.evaluateSimpleExpression(expression, variables);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(
            String expression, String input, VariableContext variables) {
          calls.incrementAndGet();
          return feel.evaluateSimpleUnaryTests(expression, input, variables);
        }
      };
    }
  }

  static DmnEngine engine(FeelEngineFactory feel) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(feel);
    return configuration.buildEngine();
  }

  static List<Map<String, Object>> evaluate(DmnEngine engine, String housing, boolean holdsTitle)
      throws Exception {
    DmnDecision decision;
    try (InputStream model =
        LiteralFeelTests.class.getResourceAsStream("/processes/required-documents.dmn")) {
      decision = engine.parseDecision("required-documents", model);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DmnDecisionResultEntries row :
        engine.evaluateDecision(
            decision, Map.of("housingType", housing, "holdsResidencePermit", holdsTitle))) {
      rows.add(row.getEntryMap());
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}, titre : {1}")
  @CsvSource({
    "OWN, true",
    "HOTEL, true",
    "PRIVATE_HOST, true",
    "OWN, false",
    "HOTEL, false",
    "PRIVATE_HOST, false",
    "UNKNOWN, false"
  })
  @DisplayName(
      "La table des justificatifs donne les mêmes lignes, valeurs et types qu'avec FEEL seul, sans appeler FEEL")
  void sameRowsAsFeel(String housing, boolean holdsTitle) throws Exception {
    Counting onlyFeel = new Counting();
    Counting behindLiterals = new Counting();

    List<Map<String, Object>> expected = evaluate(engine(onlyFeel), housing, holdsTitle);
    List<Map<String, Object>> actual =
        evaluate(engine(LiteralFeel.factory(behindLiterals)), housing, holdsTitle);

    assertThat(actual).isEqualTo(expected).isNotEmpty();
    for (int i = 0; i < expected.size(); i++) {
      for (String output : expected.get(i).keySet()) {
        assertThat(actual.get(i).get(output)).hasSameClassAs(expected.get(i).get(output));
      }
    }
    assertThat(onlyFeel.calls).hasPositiveValue();
    assertThat(behindLiterals.calls).hasValue(0);
  }

  @Test
  @DisplayName("Ce qui n'est pas un littéral simple reste évalué par FEEL")
  void otherFormsGoToFeel() {
    Counting counting = new Counting();
    FeelEngine engine = LiteralFeel.factory(counting).createInstance();
    VariableContext variables =
        Variables.createVariables()
            .putValue("housingType", "OWN")
            .putValue("count", 3)
            .putValue("cellInput", "OWN")
            .asVariableContext();

    assertThat((Object) engine.evaluateSimpleExpression("\"a\\\"b\"", variables)).isEqualTo("a\"b");
    assertThat((Object) engine.evaluateSimpleExpression("count + 1", variables)).isEqualTo(4L);
    assertThat((Object) engine.evaluateSimpleExpression("count", variables)).isEqualTo(3L);
    assertThat(engine.evaluateSimpleUnaryTests("\"OWN\",\"HOTEL\"", "cellInput", variables))
        .isTrue();
    assertThat(engine.evaluateSimpleUnaryTests("not(\"OWN\")", "cellInput", variables)).isFalse();
    assertThat(counting.calls).hasValue(5);

    assertThat((Object) engine.evaluateSimpleExpression("\"é\"", variables)).isEqualTo("é");
    assertThat((Object) engine.evaluateSimpleExpression("-12", variables)).isEqualTo(-12L);
    assertThat((Object) engine.evaluateSimpleExpression("housingType", variables)).isEqualTo("OWN");
    assertThat(engine.evaluateSimpleUnaryTests("\"HOTEL\"", "cellInput", variables)).isFalse();
    assertThat(counting.calls).hasValue(5);
  }
}

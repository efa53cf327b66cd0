package fr.anef.renewal.engine;

import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's FEEL, with the literals answered without FEEL: a string ({@code "NATIONALITY"})
 * or whole-number ({@code 3}) output entry, a string or boolean input entry ({@code "OWN"}, {@code
 * false}) compared with a string or boolean input, and an input expression naming a string or
 * boolean variable ({@code housingType}). Anything else — an escape, a range, a list, a function, a
 * date, another type of input — goes to Camunda's FEEL engine as before.
 *
 * <p>Camunda's FEEL engine parses each expression again at every evaluation and maps the whole
 * variable context to FEEL values: the « required-documents » table (7 rules, 6 outputs) cost about
 * 2 ms of CPU per evaluation, most of it in FEEL for 42 literals (benchmark, README « Performance
 * »). The answers are those FEEL gives for these forms (a FEEL whole number is a {@code Long}
 * before the output's {@code typeRef} converts it); {@code LiteralFeelTests} compares both on the
 * deployed table. An analyst's table keeps full FEEL: whatever is not one of these literals is
 * FEEL's to evaluate. The engine's extension point is its DMN engine configuration's {@link
 * FeelEngineFactory}, set before {@code init}.
 */
@Component
public final class LiteralFeel extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the JUEL-based legacy FEEL: not this engine's
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn =
          (DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    FeelEngineFactory feel =
        dmn.getFeelEngineFactory() != null
            ? dmn.getFeelEngineFactory()
            : new ScalaFeelEngineFactory(configuration.getDmnFeelCustomFunctionProviders());
    dmn.setFeelEngineFactory(factory(feel));
  }

  /** A factory whose engines answer the literals and hand everything else to {@code feel}'s. */
  public static FeelEngineFactory factory(FeelEngineFactory feel) {
    return () -> new Engine(feel.createInstance());
  }

  private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*\"");
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** FEEL's words, never a variable's name in an input expression. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "true",
          "false",
          "null",
          "not",
          "and",
          "or",
          "if",
          "then",
          "else",
          "for",
          "in",
          "return",
          "some",
          "every",
          "satisfies",
          "between",
          "instance",
          "of",
          "function",
          "external");

  private record Engine(FeelEngine feel) implements FeelEngine {

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
      String text = expression.strip();
      if (STRING.matcher(text).matches()) {
        return (T) text.substring(1, text.length() - 1);
      }
      if (WHOLE.matcher(text).matches()) {
        return (T) Long.valueOf(text);
      }
      if (NAME.matcher(text).matches() && !KEYWORDS.contains(text)) {
        Object value = plainValue(variables, text);
        if (value != null) {
          return (T) value;
        }
      }
      return feel.evaluateSimpleExpression(expression, variables);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(
        String expression, String inputVariable, VariableContext variables) {
      String text = expression.strip();
      Object input = plainValue(variables, inputVariable);
      if (input instanceof String value && STRING.matcher(text).matches()) {
        return value.equals(text.substring(1, text.length() - 1));
      }
      if (input instanceof Boolean value && ("true".equals(text) || "false".equals(text))) {
        return value == Boolean.parseBoolean(text);
      }
      return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
    }

    /** The variable's value when it is a string or a boolean, else null (FEEL decides). */
    private static Object plainValue(VariableContext variables, String name) {
      if (!variables.containsVariable(name)) {
        return null;
      }
      TypedValue typed = variables.resolve(name);
      Object value = typed == null ? null : typed.getValue();
      return value instanceof String || value instanceof Boolean ? value : null;
    }
  }
}

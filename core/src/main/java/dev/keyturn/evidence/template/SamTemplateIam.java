package dev.keyturn.evidence.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyturn.evidence.EvidenceInputException;
import dev.keyturn.evidence.TemplateIam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM summary of a SAM template: for each {@code AWS::Serverless::Function}, the statements of
 * its {@code Policies} (and the names of SAM policy templates). Short-form intrinsics are shown as
 * written ({@code !Sub arn:...}, {@code !GetAtt StateTable.Arn}), so the summary reads like the
 * template.
 */
public final class SamTemplateIam implements TemplateIam {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String FUNCTION = "AWS::Serverless::Function";

  private final Path template;

  public SamTemplateIam(Path template) {
    this.template = template;
  }

  @Override
  public List<FunctionPolicy> functions() {
    Map<String, Object> root = read();
    List<FunctionPolicy> out = new ArrayList<>();
    if (!(root.get("Resources") instanceof Map<?, ?> resources)) {
      return out;
    }
    resources.forEach((id, resource) -> {
      if (resource instanceof Map<?, ?> r && FUNCTION.equals(r.get("Type"))) {
        Object properties = r.get("Properties");
        Object policies = properties instanceof Map<?, ?> p ? p.get("Policies") : null;
        out.add(new FunctionPolicy(String.valueOf(id), statements(policies)));
      }
    });
    return out;
  }

  private static List<Statement> statements(Object policies) {
    List<Statement> out = new ArrayList<>();
    for (Object policy : list(policies)) {
      if (policy instanceof Map<?, ?> p && p.containsKey("Statement")) {
        for (Object s : list(p.get("Statement"))) {
          if (s instanceof Map<?, ?> st) {
            out.add(
                new Statement(
                    String.valueOf(st.get("Effect")),
                    strings(st.get("Action")),
                    strings(st.get("Resource"))));
          }
        }
      } else if (policy instanceof Map<?, ?> p) {
        p.forEach(
            (name, args) -> out.add(new Statement(String.valueOf(name), List.of(), strings(args))));
      } else if (policy != null) {
        out.add(new Statement(String.valueOf(policy), List.of(), List.of()));
      }
    }
    return out;
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : o == null ? List.of() : List.of(o);
  }

  private static List<String> strings(Object o) {
    return list(o).stream().map(SamTemplateIam::text).toList();
  }

  private static String text(Object o) {
    if (o instanceof Map<?, ?> m && m.size() == 1) {
      Map.Entry<?, ?> e = m.entrySet().iterator().next();
      return e.getKey() + " " + text(e.getValue());
    }
    return String.valueOf(o);
  }

  private Map<String, Object> read() {
    try (JsonParser parser = YAML.getFactory().createParser(Files.readString(template))) {
      return parser.nextToken() == JsonToken.START_OBJECT ? object(parser) : Map.of();
    } catch (NoSuchFileException e) {
      throw new EvidenceInputException("no such template: " + template);
    } catch (IOException e) {
      throw new EvidenceInputException("template " + template + " is not readable YAML");
    }
  }

  // a tagged value (!Sub x) becomes {"!Sub": x}, so the summary shows the intrinsic
  private static Object value(JsonParser parser) throws IOException {
    Object tag = parser.getTypeId();
    Object value =
        switch (parser.currentToken()) {
          case START_OBJECT -> object(parser);
          case START_ARRAY -> array(parser);
          case VALUE_NULL -> null;
          default -> parser.getValueAsString(parser.getText());
        };
    if (tag instanceof String t && t.startsWith("!")) {
      Map<String, Object> tagged = new LinkedHashMap<>();
      tagged.put(
          t,
          value instanceof List<?> l
              ? String.join(" ", l.stream().map(String::valueOf).toList())
              : value);
      return tagged;
    }
    return value;
  }

  private static Map<String, Object> object(JsonParser parser) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      out.put(field, value(parser));
    }
    return out;
  }

  private static List<Object> array(JsonParser parser) throws IOException {
    List<Object> out = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      out.add(value(parser));
    }
    return out;
  }
}

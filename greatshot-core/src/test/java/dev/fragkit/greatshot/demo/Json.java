package dev.fragkit.greatshot.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal JSON tree reader for test fixtures (jackson-core streaming into Map/List/values). */
final class Json {
  private Json() {}

  static Object read(Path file) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      p.nextToken();
      return value(p);
    }
  }

  static Object parse(String text) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(text)) {
      p.nextToken();
      return value(p);
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return NULL;
      default:
        throw new IOException("unexpected " + t);
    }
  }

  /** Marker for JSON null (maps cannot hold null in all our uses). */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };
}

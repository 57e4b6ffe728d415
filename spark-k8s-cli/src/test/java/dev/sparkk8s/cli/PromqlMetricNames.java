package dev.sparkk8s.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects: each vector selector's name, or its {@code __name__} matcher when
 * it has no name. Label lists ({@code by (...)}, {@code on (...)}), label matchers, ranges, strings, numbers,
 * functions, aggregations and keywords are not metric names.
 */
final class PromqlMetricNames {

  /** A name, or a regular expression of names ({@code {__name__=~"..."}}), as a selector selects it. */
  record MetricName(String name, boolean regex) {

    /** The selector that asks Prometheus for its series. */
    String selector() {
      return regex ? "{__name__=~\"" + name + "\"}" : name;
    }
  }

  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
      "bool", "offset", "and", "or", "unless", "atan2", "sum", "min", "max", "avg", "group", "stddev", "stdvar",
      "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "inf", "nan");
  /** Keywords followed by a parenthesised list of label names. */
  private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
  private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*(=~|=)\\s*\"([^\"]*)\"");

  private PromqlMetricNames() {
  }

  static Set<MetricName> of(String expr) {
    Set<MetricName> names = new LinkedHashSet<>();
    int i = 0;
    boolean labelList = false;
    boolean named = false;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = closing(expr, i, c) + 1;
      } else if (c == '{') {
        int end = closing(expr, i, '}');
        if (!named) {
          Matcher m = NAME_MATCHER.matcher(expr.substring(i, end));
          if (m.find()) {
            names.add(new MetricName(m.group(2), m.group(1).equals("=~")));
          }
        }
        named = false;
        i = end + 1;
      } else if (c == '[') {
        i = closing(expr, i, ']') + 1;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < expr.length() && Character.isDigit(expr.charAt(i + 1)))) {
        Matcher number = Pattern.compile("[0-9.]+([eE][+-]?[0-9]+)?").matcher(expr).region(i, expr.length());
        number.lookingAt();
        i = number.end();
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int end = i;
        while (end < expr.length() && (Character.isLetterOrDigit(expr.charAt(end)) || expr.charAt(end) == '_'
            || expr.charAt(end) == ':')) {
          end++;
        }
        String word = expr.substring(i, end);
        boolean call = expr.substring(end).stripLeading().startsWith("(");
        named = false;
        if (LABEL_LISTS.contains(word)) {
          labelList = true;
        } else if (!KEYWORDS.contains(word) && !call) {
          names.add(new MetricName(word, false));
          named = true;
        }
        i = end;
      } else if (c == '(' && labelList) {
        i = closing(expr, i, ')') + 1;
        labelList = false;
      } else {
        i++;
      }
    }
    return names;
  }

  /** Every name of every expression, in order, each once. */
  static List<MetricName> of(List<String> exprs) {
    Set<MetricName> out = new LinkedHashSet<>();
    exprs.forEach(e -> out.addAll(of(e)));
    return new ArrayList<>(out);
  }

  private static int closing(String expr, int open, char close) {
    for (int i = open + 1; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == close) {
        return i;
      } else if (close != '"' && close != '\'' && close != '`' && (c == '"' || c == '\'' || c == '`')) {
        i = closing(expr, i, c);
      }
    }
    throw new IllegalArgumentException("unbalanced " + expr.charAt(open) + " at " + open + " in " + expr);
  }
}

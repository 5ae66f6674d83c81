package dev.billing.rating.domain.metric.expression;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for Lago's expression language:
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := '-'? primary
 * primary := number | string | variable | function '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 *
 * As in Lago, a single unary minus is allowed per operand and function names are accepted in lower
 * case, upper case or capitalized.
 */
final class ExpressionParser {

  private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final String PROPERTIES_PREFIX = "event.properties.";

  private final List<Token> tokens;
  private int index;

  private ExpressionParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Node parse(String source) {
    ExpressionParser parser = new ExpressionParser(Tokenizer.tokenize(source));
    Node root = parser.expression();
    parser.expect(Token.Kind.END, "end of expression");
    return root;
  }

  private Node expression() {
    Node node = term();
    while (peek().kind() == Token.Kind.PLUS || peek().kind() == Token.Kind.MINUS) {
      Token operator = advance();
      node = new Node.Binary(operator.kind(), node, term());
    }
    return node;
  }

  private Node term() {
    Node node = unary();
    while (peek().kind() == Token.Kind.STAR || peek().kind() == Token.Kind.SLASH) {
      Token operator = advance();
      node = new Node.Binary(operator.kind(), node, unary());
    }
    return node;
  }

  private Node unary() {
    if (peek().kind() == Token.Kind.MINUS) {
      advance();
      return new Node.Negate(primary());
    }
    return primary();
  }

  private Node primary() {
    Token token = advance();
    return switch (token.kind()) {
      case NUMBER -> new Node.NumberLiteral(new BigDecimal(token.text()));
      case STRING -> new Node.StringLiteral(token.text());
      case LEFT_PAREN -> {
        Node inner = expression();
        expect(Token.Kind.RIGHT_PAREN, "')'");
        yield inner;
      }
      case IDENTIFIER -> peek().kind() == Token.Kind.LEFT_PAREN ? function(token) : variable(token);
      default -> throw error("a value expected, found '" + token.text() + "'", token);
    };
  }

  private Node variable(Token token) {
    String name = token.text();
    if (name.equals("event.timestamp")) {
      return new Node.EventTimestamp();
    }
    if (name.equals("event.code")) {
      return new Node.EventCode();
    }
    if (name.startsWith(PROPERTIES_PREFIX)) {
      String property = name.substring(PROPERTIES_PREFIX.length());
      if (PROPERTY_NAME.matcher(property).matches()) {
        return new Node.Property(property);
      }
    }
    throw error("unknown variable '" + name + "'", token);
  }

  private Node function(Token name) {
    String function = functionName(name);
    advance();
    List<Node> arguments = new ArrayList<>();
    arguments.add(expression());
    while (peek().kind() == Token.Kind.COMMA) {
      advance();
      arguments.add(expression());
    }
    expect(Token.Kind.RIGHT_PAREN, "')' or ','");
    if (function.equals("concat")) {
      return new Node.Concat(List.copyOf(arguments));
    }
    if (arguments.size() > 2) {
      throw error(function + " takes one or two arguments", name);
    }
    RoundingMode mode =
        switch (function) {
          case "round" -> RoundingMode.HALF_UP;
          case "ceil" -> RoundingMode.CEILING;
          default -> RoundingMode.FLOOR;
        };
    return new Node.Rounding(
        mode, arguments.get(0), arguments.size() == 2 ? arguments.get(1) : null);
  }

  private String functionName(Token token) {
    String text = token.text();
    String lower = text.toLowerCase(Locale.ROOT);
    boolean known = List.of("round", "ceil", "floor", "concat").contains(lower);
    boolean wellCased =
        text.equals(lower)
            || text.equals(lower.toUpperCase(Locale.ROOT))
            || text.equals(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
    if (!known || !wellCased) {
      throw error("unknown function '" + text + "'", token);
    }
    return lower;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token advance() {
    Token token = tokens.get(index);
    if (token.kind() != Token.Kind.END) {
      index++;
    }
    return token;
  }

  private void expect(Token.Kind kind, String what) {
    Token token = advance();
    if (token.kind() != kind) {
      String found = token.kind() == Token.Kind.END ? "end" : "'" + token.text() + "'";
      throw error(what + " expected, found " + found, token);
    }
  }

  private static InvalidExpressionException error(String message, Token token) {
    return new InvalidExpressionException(message, token.position());
  }
}

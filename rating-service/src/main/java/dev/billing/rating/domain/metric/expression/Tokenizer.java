package dev.billing.rating.domain.metric.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Identifiers may contain dots so that {@code
 * event.properties.name} is one token; numbers are {@code digits[.digits]}; strings are quoted with
 * ' or " and have no escapes.
 */
final class Tokenizer {

  private final String source;
  private int position;

  private Tokenizer(String source) {
    this.source = source;
  }

  static List<Token> tokenize(String source) {
    return new Tokenizer(source).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (position >= source.length()) {
        tokens.add(new Token(Token.Kind.END, "", position));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    char c = source.charAt(position);
    int start = position;
    if (isDigit(c)) {
      return number(start);
    }
    if (c == '\'' || c == '"') {
      return string(start, c);
    }
    if (isLetter(c) || c == '_') {
      while (position < source.length() && isIdentifierPart(source.charAt(position))) {
        position++;
      }
      return new Token(Token.Kind.IDENTIFIER, source.substring(start, position), start);
    }
    position++;
    Token.Kind kind =
        switch (c) {
          case '+' -> Token.Kind.PLUS;
          case '-' -> Token.Kind.MINUS;
          case '*' -> Token.Kind.STAR;
          case '/' -> Token.Kind.SLASH;
          case '(' -> Token.Kind.LEFT_PAREN;
          case ')' -> Token.Kind.RIGHT_PAREN;
          case ',' -> Token.Kind.COMMA;
          default ->
              throw new InvalidExpressionException("unexpected character '" + c + "'", start);
        };
    return new Token(kind, String.valueOf(c), start);
  }

  private Token number(int start) {
    skipDigits();
    if (position < source.length() && source.charAt(position) == '.') {
      position++;
      int decimalsStart = position;
      skipDigits();
      if (position == decimalsStart) {
        throw new InvalidExpressionException("digits expected after the decimal point", position);
      }
    }
    if (position < source.length() && isIdentifierPart(source.charAt(position))) {
      throw new InvalidExpressionException("malformed number", start);
    }
    return new Token(Token.Kind.NUMBER, source.substring(start, position), start);
  }

  private Token string(int start, char quote) {
    int end = source.indexOf(quote, start + 1);
    if (end < 0) {
      throw new InvalidExpressionException("unterminated string", start);
    }
    position = end + 1;
    return new Token(Token.Kind.STRING, source.substring(start + 1, end), start);
  }

  private void skipDigits() {
    while (position < source.length() && isDigit(source.charAt(position))) {
      position++;
    }
  }

  private void skipWhitespace() {
    while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
      position++;
    }
  }

  private static boolean isIdentifierPart(char c) {
    return isLetter(c) || isDigit(c) || c == '_' || c == '.';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}

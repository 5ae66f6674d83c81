package dev.billing.rating.domain.metric.expression;

/** One lexical token of an expression, with its 0-based offset in the source. */
record Token(Kind kind, String text, int position) {

  enum Kind {
    NUMBER,
    STRING,
    IDENTIFIER,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    END
  }
}
